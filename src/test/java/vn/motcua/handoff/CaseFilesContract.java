package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link CaseFiles} adapter must do: keep notes in order, one safe contact, one closure, and forget all. */
abstract class CaseFilesContract {

    abstract CaseFiles newFiles();

    @Test
    void notesComeBackOldestFirstAndOnlyForTheirConversation() {
        CaseFiles files = newFiles();
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        files.addNote(new Note("n1", c, "lan", "sealed-1", now)).block();
        files.addNote(new Note("n2", c, "minh", "sealed-2", now.plusSeconds(1))).block();
        files.addNote(new Note("n3", "other", "lan", "sealed-3", now)).block();

        assertThat(files.notes(c).block()).extracting(Note::id).containsExactly("n1", "n2");
        assertThat(files.notes("nobody").block()).isEmpty();
    }

    @Test
    void theSafeContactAndTheClosureAreReplacedNotAdded() {
        CaseFiles files = newFiles();
        String c = UUID.randomUUID().toString();
        files.putSafeContact(new SafeContact(c, "sealed-a", false, "lan", Instant.now())).block();
        files.putSafeContact(new SafeContact(c, "sealed-b", true, "minh", Instant.now())).block();
        assertThat(files.safeContact(c).block()).satisfies(s -> {
            assertThat(s.sealedWhen()).isEqualTo("sealed-b");
            assertThat(s.callAllowed()).isTrue();
        });
        files.putClosure(new Closure(c, "sealed-outcome", List.of("r1"), "minh", Instant.now())).block();
        files.putClosure(new Closure(c, "sealed-outcome-2", List.of("r1", "r2"), "minh", Instant.now())).block();
        assertThat(files.closure(c).block().referralIds()).containsExactly("r1", "r2");
    }

    @Test
    void aClosedCaseKeepsOnlyItsOutcomeTheNotesAndTheSafeContactGo() {
        CaseFiles files = newFiles();
        String c = UUID.randomUUID().toString();
        files.addNote(new Note("n1", c, "lan", "sealed-note", Instant.now())).block();
        files.putSafeContact(new SafeContact(c, "sealed-when", false, "lan", Instant.now())).block();

        files.putClosure(new Closure(c, "sealed-outcome", List.of("r1"), "lan", Instant.now())).block();

        assertThat(files.notes(c).block()).isEmpty();
        assertThat(files.safeContact(c).blockOptional()).isEmpty();
        assertThat(files.closure(c).block().sealedOutcome()).isEqualTo("sealed-outcome");
    }

    @Test
    void forgettingErasesEverythingOfThatConversationOnly() {
        CaseFiles files = newFiles();
        String c = UUID.randomUUID().toString();
        files.addNote(new Note("n1", c, "lan", "s", Instant.now())).block();
        files.putSafeContact(new SafeContact(c, "s", false, "lan", Instant.now())).block();
        files.putClosure(new Closure(c, "s", List.of(), "lan", Instant.now())).block();
        files.addNote(new Note("n2", "other", "lan", "s", Instant.now())).block();

        files.forget(c).block();

        assertThat(files.notes(c).block()).isEmpty();
        assertThat(files.safeContact(c).blockOptional()).isEmpty();
        assertThat(files.closure(c).blockOptional()).isEmpty();
        assertThat(files.notes("other").block()).hasSize(1);
    }
}
