package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.channel.messenger.MessengerWebhookClient.delivery;
import static vn.motcua.channel.messenger.MessengerWebhookClient.quickReply;
import static vn.motcua.channel.messenger.MessengerWebhookClient.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.privacy.PseudonymousIds;

/** Nothing that identifies a person, and nothing they wrote, is readable in the stores or the logs. */
@ExtendWith(OutputCaptureExtension.class)
class MessengerPrivacyTest extends MessengerIntegrationTest {

    private static final String SECRET_WORDS = "chồng tôi đánh tôi mỗi tối 0909123456";

    @Autowired
    ConversationStore conversations;

    @Autowired
    HandoffQueue handoff;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    FailedSendLog failures;

    @Test
    void storedTurnsAndTheReplyAddressAreEncryptedAndKeyedByAPseudonym() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), SECRET_WORDS))).expectStatus().isOk();
        awaitMessages(psid, 1);

        String id = ids.conversationId("messenger", psid);
        eventually().until(() -> conversations.find(id).blockOptional().map(c -> c.turns().size() >= 2).orElse(false));
        Conversation stored = conversations.find(id).block();
        assertThat(stored.id()).doesNotContain(psid);
        assertThat(stored.sealedAddress()).doesNotContain(psid);
        assertThat(stored.toString()).doesNotContain("đánh").doesNotContain("0909123456").doesNotContain(psid);
    }

    @Test
    void logsCarryNoMessageTextPhoneNumberOrPlatformId(CapturedOutput output) {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), SECRET_WORDS))).expectStatus().isOk();
        awaitMessages(psid, 1);
        GRAPH.script(psid, GraphApiStub.error(400, "{\"error\":{\"message\":\"unavailable\",\"code\":551}}"));
        webhook.post(delivery(text(psid, newMid(), "cứu tôi với anh ta đang đánh tôi"))).expectStatus().isOk();
        awaitMessages(psid, 2);
        eventually().until(() -> output.getAll().contains("code 551"));

        assertThat(output.getAll()).doesNotContain(psid).doesNotContain("0909123456").doesNotContain("đánh tôi")
                .contains("intent=");
    }

    @Test
    void erasingTheConversationRemovesItItsPlaceInTheQueueAndItsFailedSends() {
        String psid = newPsid();
        String id = ids.conversationId("messenger", psid);
        GRAPH.script(psid, GraphApiStub.error(400, "{\"error\":{\"message\":\"unavailable\",\"code\":551}}"));
        webhook.post(delivery(text(psid, newMid(), "tôi muốn nói chuyện với nhân viên"))).expectStatus().isOk();
        eventually().until(() -> handoff.waiting().block().stream().anyMatch(e -> e.conversationId().equals(id))
                && failures.forConversation(id).hasElements().block());

        webhook.post(delivery(quickReply(psid, newMid(), "Xóa hết", "ERASE:CONFIRM"))).expectStatus().isOk();
        eventually().until(() -> GRAPH.messagesTo(psid).stream().anyMatch(c -> c.text().contains("Zalo")));
        eventually().until(() -> conversations.find(id).blockOptional().isEmpty());
        assertThat(handoff.waiting().block()).noneMatch(e -> e.conversationId().equals(id));
        assertThat(failures.forConversation(id).collectList().block()).isEmpty();
    }
}
