package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.message.Priority;

class ConversationTest {

    @Test
    void onlyTheMostRecentTurnsAreKept() {
        Conversation conversation = Conversation.start("c", Channel.MESSENGER, null, Instant.now());
        for (int i = 0; i < Conversation.MAX_TURNS + 10; i++) {
            conversation = conversation.withTurn(new Turn(Speaker.PERSON, "t" + i, null, Instant.now()));
        }
        assertThat(conversation.turns()).hasSize(Conversation.MAX_TURNS);
        assertThat(conversation.turns().get(0).sealedText()).isEqualTo("t10");
    }

    @Test
    void escalationWaitsForAHumanAndNeverLowersThePriority() {
        Conversation conversation = Conversation.start("c", Channel.MESSENGER, null, Instant.now())
                .escalated(Priority.CRITICAL, Instant.now())
                .escalated(Priority.NORMAL, Instant.now());
        assertThat(conversation.state()).isEqualTo(ConversationState.WAITING_FOR_HUMAN);
        assertThat(conversation.priority()).isEqualTo(Priority.CRITICAL);
    }
}
