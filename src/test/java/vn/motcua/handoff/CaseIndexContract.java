package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.conversation.ConversationState;

/** What every {@link CaseIndex} adapter must do. */
abstract class CaseIndexContract {

    abstract CaseIndex newIndex();

    @Test
    void entriesAreListedByStateAndTheLatestStateWins() {
        CaseIndex index = newIndex();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        index.put(new CaseIndex.Entry(a, ConversationState.WAITING_FOR_HUMAN, null, Instant.now())).block();
        index.put(new CaseIndex.Entry(b, ConversationState.WAITING_FOR_HUMAN, null, Instant.now())).block();
        index.put(new CaseIndex.Entry(a, ConversationState.WITH_HUMAN, "lan", Instant.now())).block();

        assertThat(index.inStates(EnumSet.of(ConversationState.WITH_HUMAN)).block())
                .extracting(CaseIndex.Entry::conversationId).containsExactly(a);
        assertThat(index.find(a).block().assignee()).isEqualTo("lan");
        assertThat(index.inStates(EnumSet.of(ConversationState.WAITING_FOR_HUMAN, ConversationState.WITH_HUMAN))
                .block()).hasSize(2);
    }

    @Test
    void aForgottenEntryIsGone() {
        CaseIndex index = newIndex();
        String a = UUID.randomUUID().toString();
        index.put(new CaseIndex.Entry(a, ConversationState.CLOSED, "lan", Instant.now())).block();
        index.forget(a).block();
        assertThat(index.find(a).blockOptional()).isEmpty();
        assertThat(index.inStates(EnumSet.allOf(ConversationState.class)).block())
                .extracting(CaseIndex.Entry::conversationId).doesNotContain(a);
    }
}
