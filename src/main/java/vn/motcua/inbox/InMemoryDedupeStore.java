package vn.motcua.inbox;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/** Dedupe keys in a Caffeine cache that forgets them after the window. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryDedupeStore implements DedupeStore {

    private final Cache<String, Boolean> seen;

    InMemoryDedupeStore(InboxProperties properties) {
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(properties.dedupeWindow().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    public Mono<Boolean> firstSighting(String key) {
        return Mono.fromSupplier(() -> seen.asMap().putIfAbsent(key, Boolean.TRUE) == null);
    }

    @Override
    public Mono<Boolean> seen(String key) {
        return Mono.fromSupplier(() -> seen.getIfPresent(key) != null);
    }
}
