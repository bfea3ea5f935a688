package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.message.Channel;

class InMemoryConversationStoreTest extends ConversationStoreContract {

    private final InMemoryConversationStore store = new InMemoryConversationStore(new PrivacyProperties("s", Duration.ofDays(30)));

    @Override
    ConversationStore store() {
        return store;
    }

    @Test
    void aConversationIsKeptThenExpiresAfterTheRetentionPeriod() {
        InMemoryConversationStore shortRetention = new InMemoryConversationStore(new PrivacyProperties("s", Duration.ofSeconds(1)));
        shortRetention.save(Conversation.start("c1", Channel.MESSENGER, null, Instant.now())).block();
        assertThat(shortRetention.find("c1").blockOptional()).as("found within the retention period").isPresent();

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> shortRetention.find("c1").blockOptional().isEmpty());
    }

    @Test
    void aClosedCaseIsKeptForTheCasePeriodNotTheConversations() {
        InMemoryConversationStore store = new InMemoryConversationStore(
                new PrivacyProperties("s", Duration.ofSeconds(1), null, Duration.ofDays(90), null));
        Conversation open = Conversation.start("open", Channel.MESSENGER, "sealed", Instant.now());
        Conversation closed = Conversation.start("closed", Channel.MESSENGER, "sealed", Instant.now())
                .escalated(vn.motcua.message.Priority.NORMAL, Instant.now()).claimedBy("lan").closed();
        store.save(open).block();
        store.save(closed).block();

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> store.find("open").blockOptional().isEmpty());
        assertThat(store.find("closed").blockOptional()).as("kept for the case period").isPresent();
    }
}
