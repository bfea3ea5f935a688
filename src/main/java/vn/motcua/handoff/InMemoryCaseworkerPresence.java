package vn.motcua.handoff;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Presence in process memory: the last time each caseworker was seen. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCaseworkerPresence implements CaseworkerPresence {

    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> seen(String caseworker, Instant at) {
        return Mono.fromRunnable(() -> lastSeen.merge(caseworker, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    @Override
    public Mono<Void> left(String caseworker) {
        return Mono.fromRunnable(() -> lastSeen.remove(caseworker));
    }

    @Override
    public Mono<Boolean> anyoneSince(Instant since) {
        return Mono.fromSupplier(() -> lastSeen.values().stream().anyMatch(at -> !at.isBefore(since)));
    }
}
