package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.campaign.SubscriberStore;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.privacy.PseudonymousIds;

/**
 * Meta's own sample payloads (shared/reference/samples, copied to src/test/resources/samples), posted with real
 * signatures: each must lead to the right Send API call, or to none.
 */
class MessengerSamplesTest extends MessengerIntegrationTest {

    @Autowired
    SubscriberStore subscribers;

    @Autowired
    AnswerBook answers;

    @Autowired
    PseudonymousIds ids;

    @Test
    void textWithAQuickReplyPayloadThatIsNotOursIsReadAsTypedAndAnsweredThroughTheSendApi() {
        String psid = newPsid();
        webhook.post(MessengerWebhookClient.delivery(withPlaceholders(sample("messenger-text-quickreply.json"), psid)))
                .expectStatus().isOk();

        String plain = newPsid();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(plain, newMid(), "hello, world!")))
                .expectStatus().isOk();

        GraphApiStub.SendCall call = awaitMessages(psid, 1).get(0);
        assertThat(call.path()).isEqualTo(SEND_PATH);
        assertThat(call.accessToken()).isEqualTo(PAGE_TOKEN);
        assertThat(call.body().path("messaging_type").asString()).isEqualTo("RESPONSE");
        // The payload is not one of ours, so the words are read as typed: the same answer as "hello, world!" sent
        // plainly, which (a first contact) says it is an automated assistant and gives 113.
        GraphApiStub.SendCall twin = awaitMessages(plain, 1).get(0);
        assertThat(call.text()).isEqualTo(twin.text()).contains("113");
        assertThat(call.quickReplyPayloads()).isNotEmpty().isEqualTo(twin.quickReplyPayloads());
    }

    @Test
    void aReplyToAnEarlierMessageIsAnsweredExactlyLikeTheSameTextSentPlainly() {
        String replying = newPsid();
        String plain = newPsid();
        webhook.post(MessengerWebhookClient.delivery(withPlaceholders(sample("messenger-reply-to.json"), replying)))
                .expectStatus().isOk();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(plain, newMid(), "hello, world!")))
                .expectStatus().isOk();

        GraphApiStub.SendCall reply = awaitMessages(replying, 1).get(0);
        GraphApiStub.SendCall twin = awaitMessages(plain, 1).get(0);
        assertThat(reply.accessToken()).isEqualTo(PAGE_TOKEN);
        assertThat(reply.text()).isNotBlank().isEqualTo(twin.text());
        assertThat(reply.quickReplyPayloads()).isNotEmpty().isEqualTo(twin.quickReplyPayloads());
    }

    @Test
    void anAttachmentIsAnsweredKindlyWithAnOfferOfACaseworker() {
        String psid = newPsid();
        String entry = withPlaceholders(sample("messenger-attachment-entry.json"), psid)
                .replace("<image|video|audio|file|reel|ig_reel>", "image")
                .replace("<ATTACHMENT_URL>", "https://example.invalid/a.jpg");
        webhook.post("{\"object\":\"page\",\"entry\":[" + entry + "]}").expectStatus().isOk();

        GraphApiStub.SendCall last = awaitMessages(psid, 2).get(1);
        assertThat(last.text()).contains("chỉ đọc được chữ");
        assertThat(last.quickReplyPayloads()).contains("INTENT:human_agent");
    }

    @Test
    void anEchoOfOurOwnMessageSendsNothing() {
        String pageAsSender = newPsid();
        String person = newPsid();
        String echo = sample("messenger-echo.json").replace("<PAGE_ID>", pageAsSender).replace("<PSID>", person)
                .replace("<DEVELOPER_DEFINED_METADATA_STRING>", "bot");
        double before = accepted();
        webhook.post(MessengerWebhookClient.delivery(echo)).expectStatus().isOk();
        assertThat(accepted()).isEqualTo(before);

        // A message the same person sends afterwards is answered once: nothing was queued for the echo.
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(person, newMid(), "xin chào")))
                .expectStatus().isOk();
        awaitMessages(person, 1);
        assertThat(GRAPH.messagesTo(person)).hasSize(1);
        assertThat(GRAPH.allTo(pageAsSender)).isEmpty();
    }

    @Test
    void aPostbackFromTheChatPluginIsAnsweredToItsUserRef() {
        String userRef = newPsid();
        String value = sample("messenger-postback.json");
        String event = value.substring(value.indexOf("\"value\"") + "\"value\":".length(), value.lastIndexOf('}'))
                .replace("USER-REF-ID", userRef).replace("m_MESSAGE-ID", newMid());
        webhook.post(MessengerWebhookClient.delivery(event)).expectStatus().isOk();

        // A first contact: the bot says it is automated and gives 113 and 111, then answers the button's title as
        // if it had been typed (the sample's title is English words, so in English); every message goes to the
        // user_ref, the plugin's only address for this person.
        List<GraphApiStub.SendCall> calls = awaitMessages(userRef, 2);
        assertThat(calls).allSatisfy(call ->
                assertThat(call.body().path("recipient").path("user_ref").asString()).isEqualTo(userRef));
        assertThat(calls.get(0).text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "disclosure").englishTwin().text())
                .contains("automated assistant", "113", "111");
        assertThat(calls.get(1).text()).isNotBlank();
    }

    @Test
    void aNotificationOptInIsRecordedAndConfirmedWithHowToStop() {
        String psid = newPsid();
        String optin = sample("messenger-optin-notification-messages.json").replace("\"PSID\"", "\"" + psid + "\"");
        webhook.post(MessengerWebhookClient.delivery(optin)).expectStatus().isOk();

        List<GraphApiStub.SendCall> calls = awaitMessages(psid, 1);
        assertThat(calls.get(0).text()).contains("dừng nhận tin");
        assertThat(subscribers.isSubscribed(ids.conversationId("messenger", psid)).block()).isTrue();
    }

    private static String withPlaceholders(String json, String psid) {
        return json.replace("<PSID>", psid).replace("<PAGE_ID>", "PAGE_ID")
                .replace("<DEVELOPER_DEFINED_PAYLOAD>", "SAMPLE_PAYLOAD")
                .replace("mid.1457764197618:41d102a3e1ae206a38", newMid())
                .replace("m_1457764197618:41d102a3e1ae206a38", newMid())
                .replace("mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c", newMid());
    }
}
