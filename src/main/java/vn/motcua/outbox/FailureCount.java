package vn.motcua.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/** Every failed send, counted by channel and kind and logged without personal data, whichever log keeps it. */
final class FailureCount {

    private static final Logger log = LoggerFactory.getLogger(FailedSendLog.class);

    private final MeterRegistry meters;

    FailureCount(MeterRegistry meters) {
        this.meters = meters;
    }

    void counted(FailedSend failure) {
        meters.counter("motcua.send.failed", "channel", failure.channel().id(), "kind", failure.kind().name(),
                "permanent", Boolean.toString(failure.permanent())).increment();
        log.warn("Send failed on {} for conversation {}: {} code {} subcode {} ({}) after {} attempt(s)",
                failure.channel().id(), shortId(failure.conversationId()), failure.kind(), failure.code(),
                failure.subcode(), failure.reason(), failure.attempts());
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(8, id.length()));
    }
}
