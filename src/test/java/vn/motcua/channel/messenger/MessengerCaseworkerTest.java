package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.motcua.MovableClock;
import vn.motcua.console.ApiClient;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.privacy.PseudonymousIds;

/**
 * A caseworker answering a Messenger conversation from the console, and a colleague answering from the Page's own
 * inbox. The Page here has Meta's Human Agent permission ({@code MESSENGER_HUMAN_AGENT=true}); without it the
 * console refuses after 24 hours (CaseworkerDeskTest).
 */
class MessengerCaseworkerTest extends MessengerIntegrationTest {

    @Autowired
    MovableClock clock;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    ConversationStore conversations;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReply30HoursAfterThePersonsLastMessageGoesWithTheHumanAgentTagAndAfter8DaysIsRefused() {
        String psid = newPsid();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, newMid(),
                "cho tôi nói chuyện với nhân viên tư vấn"))).expectStatus().isOk();
        awaitMessages(psid, 2);
        String id = ids.conversationId("messenger", psid);
        WebTestClient lan = ApiClient.signedIn(port, "lan", "lan-password");
        lan.post().uri("/api/conversations/{id}/claim", id).exchange().expectStatus().isOk();

        clock.advance(Duration.ofHours(30));
        lan.get().uri("/api/conversations/{id}", id).exchange().expectBody()
                .jsonPath("$.replyWindow.open").isEqualTo(true).jsonPath("$.replyWindow.tag").isEqualTo("HUMAN_AGENT");
        lan.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Chào bạn, mình là Lan. Bạn vẫn ổn chứ?")).exchange()
                .expectStatus().isAccepted();

        GraphApiStub.SendCall reply = awaitMessages(psid, 3).get(2);
        assertThat(reply.text()).isEqualTo("Chào bạn, mình là Lan. Bạn vẫn ổn chứ?");
        assertThat(reply.body().path("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
        assertThat(reply.body().path("tag").asString()).isEqualTo("HUMAN_AGENT");
        eventually().until(() -> lan.get().uri("/api/conversations/{id}/messages", id).exchange()
                .expectBody(String.class).returnResult().getResponseBody().contains("\"delivery\":\"DELIVERED\",\"failure\":null,\"author\":\"lan\""));

        clock.advance(Duration.ofDays(7));
        lan.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Bạn còn đó không?")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("window_closed")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("7 ngày",
                        "chỉ nhận được tin nhắn khi họ viết lại"));
        assertThat(GRAPH.messagesTo(psid)).hasSize(3);
    }

    @Test
    void aReplyTypedInThePageInboxGivesTheConversationToAPersonAndTheBotStaysSilent() {
        String psid = newPsid();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, newMid(), "xin chào")))
                .expectStatus().isOk();
        awaitMessages(psid, 1);
        webhook.post(MessengerWebhookClient.delivery("""
                {"sender":{"id":"PAGE"},"recipient":{"id":"%s"},"timestamp":%d,
                 "message":{"mid":"%s","is_echo":true,"app_id":263902037430900,"text":"Chị là nhân viên, em cứ nói"}}
                """.formatted(psid, System.currentTimeMillis(), newMid()))).expectStatus().isOk();
        String id = ids.conversationId("messenger", psid);
        eventually().until(() -> conversations.find(id).block().state() == ConversationState.WITH_HUMAN);
        assertThat(conversations.find(id).block().assignee()).isEqualTo(Conversation.MESSENGER_INBOX);
        int sent = GRAPH.messagesTo(psid).size();

        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, newMid(), "dạ em chào chị")))
                .expectStatus().isOk();
        eventually().until(() -> conversations.find(id).block().turns().size() == 4);
        assertThat(GRAPH.messagesTo(psid)).as("the bot said nothing").hasSize(sent);
        List<String> speakers = conversations.find(id).block().turns().stream().map(t -> t.speaker().name()).toList();
        assertThat(speakers).endsWith("CASEWORKER", "PERSON");

        // A caseworker in the console can take it over from the Page inbox.
        ApiClient.signedIn(port, "lan", "lan-password").post().uri("/api/conversations/{id}/claim", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.assignee").isEqualTo("lan");
    }
}
