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
}
