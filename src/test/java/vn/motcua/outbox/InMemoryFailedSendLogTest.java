package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class InMemoryFailedSendLogTest extends FailedSendLogContract {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemoryFailedSendLog log = new InMemoryFailedSendLog(meters);

    @Override
    FailedSendLog log() {
        return log;
    }

    @Test
    void onlyTheLatestFailuresAreKeptButEveryOneIsCountedByKind() {
        String conversation = "test:" + UUID.randomUUID();
        for (int i = 0; i < InMemoryFailedSendLog.CAPACITY + 5; i++) {
            log.record(failure(conversation, SendError.Kind.UNREACHABLE)).block();
        }
        FailedSend last = failure(conversation, SendError.Kind.TEMPORARY);
        log.record(last).block();

        assertThat(log.recent().collectList().block()).hasSize(InMemoryFailedSendLog.CAPACITY).endsWith(last);
        assertThat(meters.get("motcua.send.failed").tag("kind", "UNREACHABLE").tag("permanent", "true")
                .counter().count()).isEqualTo(InMemoryFailedSendLog.CAPACITY + 5);
        assertThat(meters.get("motcua.send.failed").tag("kind", "TEMPORARY").tag("permanent", "false")
                .counter().count()).isEqualTo(1);
    }
}
