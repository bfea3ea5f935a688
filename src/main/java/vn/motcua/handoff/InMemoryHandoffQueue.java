package vn.motcua.handoff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The handoff queue in process memory. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryHandoffQueue implements HandoffQueue {

    static final Comparator<Escalation> MOST_URGENT_FIRST = Comparator
            .comparing(Escalation::priority).reversed()
            .thenComparing(Escalation::since);

    private final Map<String, Escalation> waiting = new ConcurrentHashMap<>();

    @Override
    public Mono<Escalation> escalate(Escalation escalation) {
        return Mono.fromSupplier(() -> waiting.merge(escalation.conversationId(), escalation, (old, next) ->
                new Escalation(old.conversationId(), old.priority().atLeast(next.priority()),
                        next.priority().compareTo(old.priority()) > 0 ? next.reason() : old.reason(), old.since(),
                        old.alertedAt())));
    }

    @Override
    public Mono<List<Escalation>> waiting() {
        return Mono.fromSupplier(() -> waiting.values().stream().sorted(MOST_URGENT_FIRST).toList());
    }

    @Override
    public Mono<Escalation> find(String conversationId) {
        return Mono.fromSupplier(() -> waiting.get(conversationId));
    }

    @Override
    public Mono<Void> markAlerted(String conversationId, Instant at) {
        return Mono.fromRunnable(() -> waiting.computeIfPresent(conversationId, (id, e) -> e.alerted(at)));
    }

    @Override
    public Mono<Void> remove(String conversationId) {
        return Mono.fromRunnable(() -> waiting.remove(conversationId));
    }
}
