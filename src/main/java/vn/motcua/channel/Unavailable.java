package vn.motcua.channel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Mono;

/**
 * What a webhook answers when the inbox could not hold its events (the store, Redis, is away): 503 with
 * {@code Retry-After}, never 200, so that the platform delivers them again instead of the service losing them.
 * Logged at most once a minute with a count, so an outage does not flood the log; never with the body.
 */
public final class Unavailable {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Platforms back off on their own; this is a hint for those that read it. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final AtomicLong refusedSinceLog = new AtomicLong();
    private static final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private Unavailable() {
    }

    /** The 503 a platform's webhook gets; the platform retries it. */
    public static Mono<ResponseEntity<String>> webhook(String platform, Throwable cause) {
        noted(platform, cause);
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body("temporarily unavailable, please retry"));
    }

    /** Counts a refusal, and logs the count at most once a minute. */
    public static void noted(String source, Throwable cause) {
        long since = refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-since);
            log.warn("{} request(s) answered 503 because the inbox could not hold them (latest: {}, {}); the "
                    + "platforms retry", since, source, cause.getClass().getSimpleName());
        }
    }
}
