package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.channel.messenger.MessengerWebhookClient.delivery;
import static vn.motcua.channel.messenger.MessengerWebhookClient.text;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.privacy.PseudonymousIds;

/** How the Send API's errors are handled: temporary ones retried, permanent ones recorded and never retried. */
class MessengerSendErrorsTest extends MessengerIntegrationTest {

    @Autowired
    FailedSendLog failures;

    @Autowired
    PseudonymousIds ids;

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
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
    }

    @Test
    void aRejectedTokenIsNotRetriedAndIsRecorded() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400, sample("messenger-error-example.json")));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        eventually().until(() -> !failuresOf(psid).isEmpty());
        assertThat(failuresOf(psid).get(0).code()).isEqualTo(190);
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
    }

    @Test
    void aMessageOutsideTheWindowIsNotRetried() {
        String psid = newPsid();
        GRAPH.script(psid, GraphApiStub.error(400,
                "{\"error\":{\"message\":\"outside of allowed window\",\"code\":10,\"error_subcode\":2018278}}"));
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        eventually().until(() -> !failuresOf(psid).isEmpty());
        assertThat(failuresOf(psid).get(0).subcode()).isEqualTo(2018278);
        assertThat(GRAPH.messagesTo(psid)).hasSize(1);
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

    private List<FailedSend> failuresOf(String psid) {
        String id = ids.conversationId("messenger", psid);
        return failures.recent().stream().filter(f -> id.equals(f.conversationId())).toList();
    }
}
