package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;
import vn.motcua.knowledge.AnswerBook;

/**
 * Zalo and Messenger run through the same inbox, NLU and dialogue (DESIGN §2): the same words get the same answers,
 * in the same order, with the same choices offered, on both.
 */
class OneSharedPipelineTest extends ZaloIntegrationTest {

    @Autowired
    AnswerBook answers;

    @ParameterizedTest
    @ValueSource(strings = {"xin chào", "cho tôi số điện thoại đường dây nóng", "chồng tôi hay đánh tôi",
            "cuu toi voi anh ta dang danh toi", "tôi muốn gặp nhân viên"})
    void theSameWordsGetTheSameAnswersOnZaloAndOnMessenger(String words) {
        String zaloUser = newUser();
        String psid = "psid-" + UUID.randomUUID();
        webhook.post(ZaloEvents.text(zaloUser, newMsgId(), words)).expectStatus().isOk();
        messenger.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, "mid." + UUID.randomUUID(),
                words))).expectStatus().isOk();

        // A follow-up from each person is answered after everything the first message caused.
        webhook.post(ZaloEvents.text(zaloUser, newMsgId(), "cảm ơn nhé")).expectStatus().isOk();
        messenger.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, "mid." + UUID.randomUUID(),
                "cảm ơn nhé"))).expectStatus().isOk();
        String thanks = awaitLastTextOnBoth(zaloUser, psid);

        List<String> onZalo = OPENAPI.deliveredTo(zaloUser).stream().map(ZaloOpenApiStub.SendCall::text).toList();
        List<String> onMessenger = GRAPH.messagesTo(psid).stream().map(GraphApiStub.SendCall::text).toList();
        assertThat(onZalo).isNotEmpty().containsExactlyElementsOf(onMessenger).endsWith(thanks);
        List<List<String>> zaloChoices = OPENAPI.deliveredTo(zaloUser).stream()
                .map(ZaloOpenApiStub.SendCall::buttonTitles).toList();
        List<List<String>> messengerChoices = GRAPH.messagesTo(psid).stream()
                .map(c -> c.body().path("message").path("quick_replies").valueStream()
                        .map(q -> q.path("title").asString()).toList()).toList();
        assertThat(zaloChoices).isEqualTo(messengerChoices);
    }

    /** Waits until both people got the answer to the follow-up, which comes after everything else. */
    private String awaitLastTextOnBoth(String zaloUser, String psid) {
        String thanks = answers.get("thanks_goodbye", "default").text();
        eventually().until(() -> endsWith(OPENAPI.deliveredTo(zaloUser).stream().map(ZaloOpenApiStub.SendCall::text)
                .toList(), thanks) && endsWith(GRAPH.messagesTo(psid).stream().map(GraphApiStub.SendCall::text)
                .toList(), thanks));
        return thanks;
    }

    private static boolean endsWith(List<String> texts, String last) {
        return !texts.isEmpty() && texts.get(texts.size() - 1).equals(last);
    }
}
