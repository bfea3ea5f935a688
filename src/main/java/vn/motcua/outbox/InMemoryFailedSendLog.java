package vn.motcua.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the latest failures in memory (bounded) and counts them all in metrics. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
public class InMemoryFailedSendLog implements FailedSendLog {

    static final int CAPACITY = 1000;

    private final Deque<FailedSend> failures = new ArrayDeque<>();
    private final FailureCount count;

    public InMemoryFailedSendLog(MeterRegistry meters) {
        this.count = new FailureCount(meters);
    }

    @Override
    public Mono<Void> record(FailedSend failure) {
        return Mono.fromRunnable(() -> keep(failure));
    }

    @Override
    public Flux<FailedSend> recent() {
        return Flux.defer(() -> Flux.fromIterable(snapshot()));
    }

    @Override
    public Flux<FailedSend> forConversation(String conversationId) {
        return recent().filter(f -> Objects.equals(conversationId, f.conversationId()));
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> {
            synchronized (failures) {
                failures.removeIf(f -> Objects.equals(conversationId, f.conversationId()));
            }
        });
    }

    private void keep(FailedSend failure) {
        synchronized (failures) {
            if (failures.size() == CAPACITY) {
                failures.removeFirst();
            }
            failures.addLast(failure);
        }
        count.counted(failure);
    }

    private List<FailedSend> snapshot() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
