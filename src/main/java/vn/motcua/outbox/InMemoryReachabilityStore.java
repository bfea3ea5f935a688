package vn.motcua.outbox;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;

/** Unreachable conversations in a Caffeine cache, forgotten with the conversation after the retention period. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryReachabilityStore implements ReachabilityStore {

    private final Cache<String, String> unreachable;

    InMemoryReachabilityStore(PrivacyProperties properties) {
        this.unreachable = Caffeine.newBuilder()
                .expireAfterWrite(properties.retention().toMillis(), TimeUnit.MILLISECONDS)
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
