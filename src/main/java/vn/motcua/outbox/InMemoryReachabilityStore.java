package vn.motcua.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/** Unreachable conversations in a Caffeine cache, forgotten with the conversation after the retention period. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryReachabilityStore implements ReachabilityStore {

    private final Cache<String, String> unreachable;

    /** {@code retention} is {@code motcua.retention} (PrivacyProperties), read here so the outbox needs no privacy room. */
    @Autowired
    InMemoryReachabilityStore(@Value("${motcua.retention:P30D}") Duration retention) {
        this(retention, Ticker.systemTicker());
    }

    InMemoryReachabilityStore(Duration retention, Ticker ticker) {
        this.unreachable = Caffeine.newBuilder()
                .expireAfterWrite(retention.toMillis(), TimeUnit.MILLISECONDS)
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Void> markUnreachable(String conversationId, String reason) {
        return Mono.fromRunnable(() -> unreachable.put(conversationId, reason));
    }

    @Override
    public Mono<Void> markReachable(String conversationId) {
        return Mono.fromRunnable(() -> unreachable.invalidate(conversationId));
    }

    @Override
    public Mono<Boolean> isUnreachable(String conversationId) {
        return Mono.fromSupplier(() -> unreachable.getIfPresent(conversationId) != null);
    }
}
