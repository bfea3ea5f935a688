package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} adapter must do. */
abstract class AuditLogContract {

    abstract AuditLog newLog();

    @Test
    void entriesOfAConversationComeBackOldestFirstAndTheRecentOnesNewestFirst() {
        AuditLog log = newLog();
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        log.record(new AuditEntry(now, "lan", AuditEntry.Action.CLAIM, c, null)).block();
        log.record(new AuditEntry(now.plusSeconds(1), "lan", AuditEntry.Action.REPLY, c, null)).block();
        log.record(new AuditEntry(now.plusSeconds(2), "minh", AuditEntry.Action.NOTE, "other", "n1")).block();

        assertThat(log.of(c).block()).extracting(AuditEntry::action)
                .containsExactly(AuditEntry.Action.CLAIM, AuditEntry.Action.REPLY);
        assertThat(log.recent(2).block()).extracting(AuditEntry::action)
                .containsExactly(AuditEntry.Action.NOTE, AuditEntry.Action.REPLY);
    }

    @Test
    void afterAnErasureTheEntriesStayButNoLongerNameTheConversation() {
        AuditLog log = newLog();
        String c = UUID.randomUUID().toString();
        log.record(new AuditEntry(Instant.now(), "lan", AuditEntry.Action.CLAIM, c, null)).block();

        log.forget(c).block();

        assertThat(log.of(c).block()).isEmpty();
        assertThat(log.recent(1).block()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("lan");
            assertThat(e.conversationId()).isNull();
        });
    }
}
