package vn.motcua.handoff;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Recent claim waits in process memory, the last {@value #KEPT}. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryClaimTimes implements ClaimTimes {

    static final int KEPT = 200;

    private final Deque<Duration> waits = new ArrayDeque<>();

    @Override
    public Mono<Void> record(Duration waited) {
        return Mono.fromRunnable(() -> {
            synchronized (waits) {
                waits.addFirst(waited);
                while (waits.size() > KEPT) {
                    waits.removeLast();
                }
            }
        });
    }

    @Override
    public Mono<List<Duration>> recent(int limit) {
        return Mono.fromSupplier(() -> {
            synchronized (waits) {
                return List.copyOf(new ArrayList<>(waits).subList(0, Math.min(limit, waits.size())));
            }
        });
    }
}
