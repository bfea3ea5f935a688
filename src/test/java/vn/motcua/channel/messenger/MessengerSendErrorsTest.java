package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.channel.messenger.MessengerWebhookClient.delivery;
import static vn.motcua.channel.messenger.MessengerWebhookClient.text;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.Senders;
import vn.motcua.privacy.PseudonymousIds;

/**
 * How the Send API's errors are handled: temporary ones retried, permanent ones recorded and never retried, the parts
 * after a failed one not sent, and a closed window or an unavailable person marked unreachable, as on Zalo.
 */
class MessengerSendErrorsTest extends MessengerIntegrationTest {

    /** Three parts of at most 2,000 characters. */
    private static final String LONG_TEXT = "Bạn không có lỗi trong chuyện này. ".repeat(130).strip();

    @Autowired
    FailedSendLog failures;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    ReachabilityStore reachability;

    @Autowired
    Senders senders;

    @Test
    void aServerErrorIsRetriedOnceAndTheMessageArrivesOnce() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(500, "{\"error\":{\"message\":\"oops\",\"code\":1}}"));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        List<GraphApiStub.SendCall> calls = awaitMessages(psid, 2);
        assertThat(calls.get(0).text()).isEqualTo(calls.get(1).text());

        // The next turn runs after this one has finished: by then no third attempt may have happened.
        webhook.post(delivery(text(psid, newMid(), "cảm ơn"))).expectStatus().isOk();
        awaitMessages(psid, 3);
        assertThat(GRAPH.messagesTo(psid)).hasSize(3);
        assertThat(failuresOf(psid)).isEmpty();
    }

    @Test
    void aPersonWhoIsUnavailableIsNotRetriedAndTheFailureIsRecorded() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400,
                "{\"error\":{\"message\":\"This person isn't available right now.\",\"type\":\"OAuthException\","
                        + "\"code\":551,\"error_subcode\":1545041}}"));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        eventually().until(() -> !failuresOf(psid).isEmpty());
        FailedSend failure = failuresOf(psid).get(0);
        assertThat(failure.code()).isEqualTo(551);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.kind()).isEqualTo(SendError.Kind.UNREACHABLE);
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
        assertThat(reachability.isUnreachable(ids.conversationId("messenger", psid)).block()).isTrue();
    }

    @Test
    void aRejectedTokenIsNotRetriedAndIsRecorded() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400, sample("messenger-error-example.json")));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        eventually().until(() -> !failuresOf(psid).isEmpty());
        assertThat(failuresOf(psid).get(0).code()).isEqualTo(190);
        assertThat(failuresOf(psid).get(0).kind()).isEqualTo(SendError.Kind.TOKEN);
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
        assertThat(reachability.isUnreachable(ids.conversationId("messenger", psid)).block()).isFalse();
    }

    @Test
    void aMessageOutsideTheWindowIsNotRetried() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400,
                "{\"error\":{\"message\":\"outside of allowed window\",\"code\":10,\"error_subcode\":2018278}}"));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        eventually().until(() -> !failuresOf(psid).isEmpty());
        assertThat(failuresOf(psid).get(0).subcode()).isEqualTo(2018278);
        assertThat(failuresOf(psid).get(0).kind()).isEqualTo(SendError.Kind.WINDOW_CLOSED);
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
        // Like Zalo's -230: nothing reaches the person until they write again.
        assertThat(reachability.isUnreachable(ids.conversationId("messenger", psid)).block()).isTrue();
    }

    @Test
    void aPermanentFailureStopsTheRemainingPartsOfALongMessage() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400,
                "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}"));
        SendOutcome outcome = messenger().send(message(psid, LONG_TEXT)).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.reason()).contains("invalid parameter");
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
        assertThat(failuresOf(psid)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(100);
            assertThat(f.messageId()).isEqualTo(outcome.failure().messageId());
        });
        assertThat(reachability.isUnreachable(ids.conversationId("messenger", psid)).block()).isFalse();
    }

    @Test
    void aTemporaryFailureOfOnePartIsRetriedAndTheOtherPartsStillFollowInOrder() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(503, ""));
        SendOutcome outcome = messenger().send(message(psid, LONG_TEXT)).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isTrue();
        List<GraphApiStub.SendCall> calls = GRAPH.messagesTo(psid);
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).text()).isEqualTo(calls.get(1).text());
        assertThat(String.join(" ", calls.subList(1, 4).stream().map(GraphApiStub.SendCall::text).toList()))
                .isEqualTo(LONG_TEXT);
    }

    @Test
    void rateLimitingIsRetriedWithBackoffUntilItPasses() {
        String psid = newPsid();
        String limited = "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}";
        GRAPH.script(psid, GraphApiStub.error(400, limited), GraphApiStub.error(400, limited));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        List<GraphApiStub.SendCall> calls = awaitMessages(psid, 3);
        assertThat(calls).extracting(GraphApiStub.SendCall::text).containsOnly(calls.get(0).text());
        webhook.post(delivery(text(psid, newMid(), "cảm ơn"))).expectStatus().isOk();
        awaitMessages(psid, 4);
        assertThat(failuresOf(psid)).isEmpty();
    }

    private Sender messenger() {
        return senders.forChannel(Channel.MESSENGER).orElseThrow();
    }

    private OutboundMessage message(String psid, String text) {
        return OutboundMessage.response(ids.conversationId("messenger", psid), ReplyAddress.of(Channel.MESSENGER, psid),
                text, List.of());
    }

    private List<FailedSend> failuresOf(String psid) {
        String id = ids.conversationId("messenger", psid);
        return failures.forConversation(id).collectList().block();
    }
}
