package vn.motcua.channel.webchat;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Limits how fast one session may send messages (MOTCUA_WEBCHAT_RATE_LIMIT per MOTCUA_WEBCHAT_RATE_PERIOD). */
@Component
class MessageRateLimiter implements WebChatSessionStore.Ended {

    private final int capacity;
    private final long periodNanos;
    private final LongSupplier clock;
    private final Cache<String, TokenBucket> buckets;

    @Autowired
    MessageRateLimiter(WebChatProperties properties) {
        this(properties, System::nanoTime);
    }

    MessageRateLimiter(WebChatProperties properties, LongSupplier nanoClock) {
        this.capacity = properties.rateLimit();
        this.periodNanos = properties.ratePeriod().toNanos();
        this.clock = nanoClock;
        // A bucket untouched for a whole period is full again, the same as a new one: it need not be kept.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.ratePeriod()).build();
    }

    /**
     * Lets one message through, or says how long to wait.
     *
     * @return zero when the message may go, otherwise the time until the next one may
     */
    Duration tryAcquire(String sessionId) {
        long now = clock.getAsLong();
        long wait = buckets.get(sessionId, id -> new TokenBucket(capacity, periodNanos, now)).tryTake(now);
        return Duration.ofNanos(wait);
    }

    void forget(String sessionId) {
        buckets.invalidate(sessionId);
    }

    @Override
    public void sessionEnded(String sessionId) {
        forget(sessionId);
    }

    boolean holds(String sessionId) {
        return buckets.asMap().containsKey(sessionId);
    }
}
