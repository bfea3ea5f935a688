package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;

/**
 * Every message the OA sends comes back as an {@code oa_send_*} event: ours are ignored, and one typed by a person in
 * the Zalo OA chat ({@code sender.admin_id}) is kept in the conversation as a caseworker's turn.
 */
class ZaloEchoTest extends ZaloIntegrationTest {

    @Autowired
    ConversationStore conversations;

    @Test
    void anEchoOfOurOwnMessageSendsNothingAndQueuesNothing() {
        String user = newUser();
        double ownEchoes = counter("motcua.zalo.ignored", "reason", "own_echo");
        double before = accepted();
        webhook.post(ZaloEvents.oaSendText(user, newMsgId(), "Chào bạn", null)).expectStatus().isOk();

        assertThat(counter("motcua.zalo.ignored", "reason", "own_echo")).isEqualTo(ownEchoes + 1);
        assertThat(accepted()).isEqualTo(before);
        // The person's next message is answered once, and is the first thing sent: nothing was queued for the echo.
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();
        awaitMessages(user, 1);
        assertThat(OPENAPI.messagesTo(user)).hasSize(1);
    }

    @Test
    void aReplyTypedInTheZaloOaChatIsRecordedAsACaseworkerTurnAndTheBotStaysSilent() {
        String user = newUser();
        webhook.post(ZaloEvents.oaSendText(user, newMsgId(), "Chị ở đây, em cứ nói nhé", "admin-42"))
                .expectStatus().isOk();

        String id = conversationId(user);
        eventually().until(() -> conversations.find(id).blockOptional().isPresent());
        Conversation conversation = conversations.find(id).block();
        assertThat(conversation.turns()).hasSize(1);
        assertThat(conversation.turns().get(0).speaker()).isEqualTo(Speaker.CASEWORKER);
        assertThat(conversation.turns().get(0).sealedText()).isNotBlank().doesNotContain("Chị ở đây");
        // Saving the turn is the last step of handling the echo: nothing was sent before or after it.
        assertThat(OPENAPI.messagesTo(user)).isEmpty();
        // Someone from the OA has the conversation now: the bot stays silent until it is given back.
        assertThat(conversation.state()).isEqualTo(ConversationState.WITH_HUMAN);
        assertThat(conversation.assignee()).isEqualTo(Conversation.ZALO_INBOX);
        assertThat(conversation.turns().get(0).author()).isEqualTo(Conversation.ZALO_INBOX);
        webhook.post(ZaloEvents.text(user, newMsgId(), "dạ em cảm ơn chị")).expectStatus().isOk();
        eventually().until(() -> conversations.find(id).block().turns().size() == 2);
        assertThat(OPENAPI.messagesTo(user)).isEmpty();
    }
}
