package vn.motcua.console;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/** The lockout's failures in process memory: Caffeine caches of at most 100 000 entries each. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryLoginFailures implements LoginFailures {

    private final Map<Scope, Cache<String, Failures>> failures = new EnumMap<>(Scope.class);
    private final Cache<String, Instant> trusted;

    InMemoryLoginFailures(ConsoleProperties properties) {
        for (Scope scope : Scope.values()) {
            failures.put(scope, Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterWrite(KEPT.toMillis(), TimeUnit.MILLISECONDS).build());
        }
        this.trusted = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.trustFor().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    @Override
    public Mono<Failures> failures(Scope scope, String key) {
        return Mono.fromSupplier(() -> failures.get(scope).getIfPresent(key));
    }

    @Override
    public Mono<Failures> failed(Scope scope, String key, Backoff backoff, Instant now) {
        return Mono.fromSupplier(() -> failures.get(scope).asMap().compute(key, (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            return new Failures(count, backoff.lockedUntil(count, now));
        }));
    }

    @Override
    public Mono<Void> clear(Scope scope, String key) {
        return Mono.fromRunnable(() -> failures.get(scope).invalidate(key));
    }

    @Override
    public Mono<Void> trust(String account, String address) {
        return Mono.fromRunnable(() -> trusted.put(account + "|" + address, Instant.now()));
    }

    @Override
    public Mono<Boolean> trusted(String account, String address) {
        return Mono.fromSupplier(() -> trusted.getIfPresent(account + "|" + address) != null);
    }
}
