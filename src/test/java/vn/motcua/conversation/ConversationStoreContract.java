package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import vn.motcua.message.Channel;

/** What every {@link ConversationStore} adapter must do. */
abstract class ConversationStoreContract {

    abstract ConversationStore store();

    @Test
    void aSavedConversationIsFoundWithItsTurns() {
        String id = UUID.randomUUID().toString();
        Conversation saved = Conversation.start(id, Channel.MESSENGER, "sealed-address", Instant.now())
                .withTurn(new Turn(Speaker.PERSON, "sealed-text", "greeting", Instant.now()));
        store().save(saved).block();

        Conversation found = store().find(id).block();
        assertThat(found).isNotNull();
        assertThat(found.turns()).hasSize(1);
        assertThat(found.turns().get(0).intent()).isEqualTo("greeting");
        assertThat(found.sealedAddress()).isEqualTo("sealed-address");
    }

    @Test
    void anUnknownConversationIsEmpty() {
        StepVerifier.create(store().find(UUID.randomUUID().toString())).verifyComplete();
    }

    @Test
    void aDeletedConversationIsGone() {
        String id = UUID.randomUUID().toString();
        store().save(Conversation.start(id, Channel.MESSENGER, null, Instant.now())).block();
        store().delete(id).block();
        StepVerifier.create(store().find(id)).verifyComplete();
    }
}
