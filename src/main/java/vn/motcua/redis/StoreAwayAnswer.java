package vn.motcua.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Any request that failed because Redis is away (the console's sign-in, its session, an API call), and that its route
 * did not already answer itself (webhooks and the web chat do: 503 with their own words), gets 503 with
 * {@code Retry-After} and a short Vietnamese sentence, rather than a 500 with a stack trace in the log. Counted, and
 * logged at most once a minute. Only with {@code MOTCUA_STORE=redis}.
 */
@Component
@Order(-3)
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class StoreAwayAnswer implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StoreAwayAnswer.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final byte[] BODY = ("{\"error\":\"unavailable\",\"message\":\"Hệ thống tạm thời gián đoạn. "
            + "Vui lòng thử lại sau ít phút.\"}").getBytes(StandardCharsets.UTF_8);

    private final AtomicLong sinceLog = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!StoreAway.isAway(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        noted(error);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
    }

    private void noted(Throwable error) {
        long since = sinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            sinceLog.addAndGet(-since);
            log.warn("{} request(s) answered 503 because Redis is away (latest: {})", since,
                    error.getClass().getSimpleName());
        }
    }
}
