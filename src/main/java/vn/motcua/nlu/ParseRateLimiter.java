package vn.motcua.nlu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per user for {@code /api/nlu/parse}: parsing costs CPU that the people writing in need (175 calls a
 * second took both cores and pushed webhook acknowledgements from 5 ms to 236 ms). Buckets of users not seen for a
 * while are forgotten, and at most 10,000 are held.
 */
final class ParseRateLimiter {

    private final int capacity;
    private final double nanosPerToken;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    ParseRateLimiter(ParseRateProperties properties, Clock clock) {
        this.capacity = properties.limit();
        this.nanosPerToken = (double) properties.period().toNanos() / properties.limit();
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterAccess(properties.period().multipliedBy(2).plus(Duration.ofMinutes(1))).build();
    }

    /** Takes one call for the user: {@link Duration#ZERO} when allowed, otherwise how long until the next one is. */
    Duration tryTake(String user) {
        long now = nanos(clock.instant());
        Bucket bucket = buckets.get(user, key -> new Bucket(capacity, now));
        synchronized (bucket) {
            if (now > bucket.updatedAt) {
                bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) / nanosPerToken);
                bucket.updatedAt = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - bucket.tokens) * nanosPerToken)));
        }
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
