package vn.motcua.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the latest failures in memory (bounded) and counts them all in metrics. */
@Component
public class InMemoryFailedSendLog implements FailedSendLog {

    private static final Logger log = LoggerFactory.getLogger(InMemoryFailedSendLog.class);
    static final int CAPACITY = 1000;

    private final Deque<FailedSend> failures = new ArrayDeque<>();
    private final MeterRegistry meters;

    public InMemoryFailedSendLog(MeterRegistry meters) {
        this.meters = meters;
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
        meters.counter("motcua.send.failed", "channel", failure.channel().id(), "kind", failure.kind().name(),
                "permanent", Boolean.toString(failure.permanent())).increment();
        log.warn("Send failed on {} for conversation {}: {} code {} subcode {} ({}) after {} attempt(s)",
                failure.channel().id(), shortId(failure.conversationId()), failure.kind(), failure.code(),
                failure.subcode(), failure.reason(), failure.attempts());
    }

    private List<FailedSend> snapshot() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(8, id.length()));
    }
}
