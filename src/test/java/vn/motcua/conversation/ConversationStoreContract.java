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
    void aSecondSaveReplacesTheFirst() {
        String id = UUID.randomUUID().toString();
        Conversation first = Conversation.start(id, Channel.ZALO, "sealed-address", Instant.now())
                .withTurn(new Turn(Speaker.PERSON, "sealed-1", "greeting", Instant.now()));
        store().save(first).block();
        store().save(first.withTurn(new Turn(Speaker.BOT, "sealed-2", "greeting", Instant.now())).withPlace("Gò Vấp"))
                .block();

        Conversation found = store().find(id).block();
        assertThat(found).isNotNull();
        assertThat(found.turns()).extracting(Turn::sealedText).containsExactly("sealed-1", "sealed-2");
        assertThat(found.place()).isEqualTo("Gò Vấp");
    }

    @Test
    void aDeletedConversationIsGoneAndOthersStay() {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        store().save(Conversation.start(id, Channel.MESSENGER, null, Instant.now())).block();
        store().save(Conversation.start(other, Channel.MESSENGER, null, Instant.now())).block();
        assertThat(store().find(id).block()).as("saved before the erasure").isNotNull();

        store().delete(id).block();
        StepVerifier.create(store().find(id)).verifyComplete();
        assertThat(store().find(other).block()).as("another person's conversation").isNotNull();
    }
}
