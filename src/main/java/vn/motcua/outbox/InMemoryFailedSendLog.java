package vn.motcua.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/** Keeps the latest failures in memory (bounded) and counts them all in metrics. */
@Component
public class InMemoryFailedSendLog implements FailedSendLog {

    private static final Logger log = LoggerFactory.getLogger(InMemoryFailedSendLog.class);
    private static final int CAPACITY = 1000;

    private final Deque<FailedSend> failures = new ArrayDeque<>();
    private final MeterRegistry meters;

    public InMemoryFailedSendLog(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public synchronized void record(FailedSend failure) {
        if (failures.size() == CAPACITY) {
            failures.removeFirst();
        }
        failures.addLast(failure);
        meters.counter("motcua.send.failed", "channel", failure.channel().id(),
                "permanent", Boolean.toString(failure.permanent())).increment();
        log.warn("Send failed on {} for conversation {}: code {} subcode {} ({}) after {} attempt(s), permanent={}",
                failure.channel().id(), shortId(failure.conversationId()), failure.code(), failure.subcode(),
                failure.reason(), failure.attempts(), failure.permanent());
    }

    @Override
    public synchronized List<FailedSend> recent() {
        return List.copyOf(failures);
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(8, id.length()));
    }
}
