package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.message.Channel;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.knowledge.AnswerBook;

/**
 * Zalo's own sample events (shared/reference/samples, copied to src/test/resources/samples), posted with real
 * signatures: each must lead to the right {@code /v3.0/oa/message/cs} call, or to none.
 */
class ZaloSamplesTest extends ZaloIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VIETNAMESE = Pattern.compile("[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]");

    @Autowired
    AnswerBook answers;

    @Autowired
    SubscriberStore subscribers;

    @Autowired
    ReachabilityStore reachability;

    @Autowired
    ZaloTokenStore tokens;

    @Test
    void theTextSampleIsAnsweredThroughTheConsultationApiInItsLanguage() {
        String user = newUser();
        String token = tokens.current().block().accessToken();
        webhook.post(ZaloEvents.text(user, newMsgId(), "message")).expectStatus().isOk()
                .expectBody(String.class).isEqualTo("OK");

        ZaloOpenApiStub.SendCall call = awaitMessages(user, 1).get(0);
        assertThat(call.path()).isEqualTo("/v3.0/oa/message/cs");
        assertThat(call.accessToken()).isEqualTo(token);
        assertThat(call.body().path("recipient").path("user_id").asString()).isEqualTo(user);
        // The sample's text is the English word "message": the first-contact notice comes in English, and the
        // Vietnamese letters it quotes ("xóa") arrive intact.
        assertThat(call.text()).containsPattern(VIETNAMESE).contains("automated assistant");
    }

    @Test
    void aPlainAnswerHasExactlyTheShapeOfTheOfficialConsultationRequestSample() {
        String user = newUser();
        // A first message that is not a greeting gets the first-contact notice first, an answer without choices.
        webhook.post(ZaloEvents.text(user, newMsgId(), "cảm ơn nhé")).expectStatus().isOk();

        ZaloOpenApiStub.SendCall notice = awaitMessages(user, 1).get(0);
        assertThat(notice.text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "disclosure").text());
        JsonNode sent = notice.body();
        JsonNode sample = JSON.readTree(ZaloOpenApiStub.sample("zalo-send-cs-request.json"));
        assertThat(fieldPaths(sent, "")).isEqualTo(fieldPaths(sample, ""));
    }

    @Test
    void theFollowSampleGetsTheWelcomeWithItsQuickRepliesAsQueryButtons() {
        String user = newUser();
        webhook.post(ZaloEvents.follow(user)).expectStatus().isOk();

        ZaloOpenApiStub.SendCall call = awaitMessages(user, 1).get(0);
        assertThat(call.path()).isEqualTo("/v3.0/oa/message/cs");
        assertThat(call.accessToken()).isEqualTo(tokens.current().block().accessToken());
        assertThat(call.body().path("recipient").path("user_id").asString()).isEqualTo(user);
        assertThat(call.text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "follow_welcome").text());
        List<String> titles = answers.get(AnswerBook.SYSTEM, "follow_welcome").quickReplies().stream()
                .map(QuickReplyOption::title).toList();
        assertThat(call.buttonTitles()).containsExactlyElementsOf(titles);
        for (JsonNode button : call.buttons()) {
            // What the person "says" by tapping is the visible title, never an internal code.
            assertThat(button.path("type").asString()).isEqualTo("oa.query.show");
            assertThat(button.path("payload").asString()).isEqualTo(button.path("title").asString());
        }
        assertThat(call.body().path("message").path("attachment").path("type").asString()).isEqualTo("template");
    }

    @Test
    void tappingAQueryButtonIsReadAsThatChoiceNotAsTypedWords() {
        String user = newUser();
        webhook.post(ZaloEvents.text(user, newMsgId(), "tôi muốn xóa cuộc trò chuyện")).expectStatus().isOk();
        ZaloOpenApiStub.SendCall question = awaitMessages(user, 2).get(1);
        assertThat(question.buttonTitles()).contains("Không xóa");

        // The button sends its title as a message. Read as typed words, "Không xóa" would ask about erasing again;
        // read as the button, it cancels.
        webhook.post(ZaloEvents.text(user, newMsgId(), "Không xóa")).expectStatus().isOk();
        assertThat(awaitMessages(user, 3).get(2).text()).isEqualTo(answers.get("delete_data", "cancelled").text());
    }

    @Test
    void tappingATopicButtonGetsThatTopicsAnswer() {
        String user = newUser();
        webhook.post(ZaloEvents.follow(user)).expectStatus().isOk();
        awaitMessages(user, 1);
        webhook.post(ZaloEvents.text(user, newMsgId(), "Số điện thoại")).expectStatus().isOk();

        String firstLine = answers.get("hotline", "default").text().lines().findFirst().orElseThrow();
        assertThat(awaitMessages(user, 2).get(1).text()).startsWith(firstLine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_send_image", "user_send_sticker", "user_send_gif", "user_send_audio",
            "user_send_video", "user_send_file", "user_send_link", "user_send_location", "user_send_business_card"})
    void anAttachmentIsAnsweredKindlyWithAnOfferOfACaseworker(String eventName) {
        String user = newUser();
        webhook.post(ZaloEvents.attachment(eventName, user, newMsgId())).expectStatus().isOk();

        ZaloOpenApiStub.SendCall last = awaitMessages(user, 2).get(1);
        assertThat(last.text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "attachment_unsupported").text());
        assertThat(last.buttonTitles()).containsExactly("Gặp nhân viên");
    }

    @Test
    void theSameEventDeliveredTwiceIsAnsweredOnce() {
        String user = newUser();
        String event = ZaloEvents.text(user, newMsgId(), "chào bạn");
        webhook.post(event).expectStatus().isOk();
        double duplicatesBefore = counter("motcua.inbox.duplicates", "channel", "zalo");
        webhook.post(event).expectStatus().isOk();
        assertThat(counter("motcua.inbox.duplicates", "channel", "zalo")).isEqualTo(duplicatesBefore + 1);

        // The person's next message is handled after anything queued before it: had the retry been queued, its
        // answer would already be there.
        webhook.post(ZaloEvents.text(user, newMsgId(), "cảm ơn nhé")).expectStatus().isOk();
        awaitMessages(user, 2);
        assertThat(OPENAPI.messagesTo(user)).hasSize(2);
    }

    @Test
    void unfollowingUnsubscribesMarksThePersonUnreachableAndSendsNothing() {
        String user = newUser();
        String conversation = conversationId(user);
        subscribers.subscribe(conversation, Channel.ZALO, null).block();
        webhook.post(ZaloEvents.unfollow(user)).expectStatus().isOk();

        eventually().until(() -> !subscribers.isSubscribed(conversation).block()
                && reachability.isUnreachable(conversation).block());
        // Writing again makes them reachable; the first thing sent to them is the answer to that message, with the
        // first-contact notice, so the unfollow sent nothing and stored no turn.
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();
        assertThat(awaitMessages(user, 1).get(0).text()).contains("trợ lý tự động");
        assertThat(reachability.isUnreachable(conversation).block()).isFalse();
    }

    @Test
    void deliveryReceiptsAreCountedAndNothingIsQueued() {
        String user = newUser();
        double received = counter("motcua.zalo.delivery.status", "event", "user_received_message");
        double seen = counter("motcua.zalo.delivery.status", "event", "user_seen_message");
        double before = accepted();

        webhook.post(ZaloEvents.userEvent("user_received_message", user, newMsgId(), ""))
                .expectStatus().isOk();
        webhook.post(ZaloEvents.userEvent("user_seen_message", user, newMsgId(), "\"msg_ids\": [\"a1\", \"a2\"]"))
                .expectStatus().isOk();

        assertThat(counter("motcua.zalo.delivery.status", "event", "user_received_message")).isEqualTo(received + 1);
        assertThat(counter("motcua.zalo.delivery.status", "event", "user_seen_message")).isEqualTo(seen + 1);
        assertThat(accepted()).isEqualTo(before);
    }

    private static List<String> fieldPaths(JsonNode node, String prefix) {
        if (!node.isObject()) {
            return List.of(prefix);
        }
        return node.propertyNames().stream().sorted()
                .flatMap(name -> fieldPaths(node.get(name), prefix + "/" + name).stream()).toList();
    }

    @Test
    void anUnknownEventIsAcknowledgedAndNothingIsQueued() {
        double unknown = counter("motcua.zalo.ignored", "reason", "unknown");
        double before = accepted();
        webhook.post(ZaloEvents.userEvent("user_reacted_message", newUser(), newMsgId(), "\"react_icon\": \"/-heart\""))
                .expectStatus().isOk();
        assertThat(counter("motcua.zalo.ignored", "reason", "unknown")).isEqualTo(unknown + 1);
        assertThat(accepted()).isEqualTo(before);
    }
}
