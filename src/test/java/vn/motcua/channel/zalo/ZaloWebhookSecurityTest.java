package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The gate in front of the inbox: only correctly signed, recent, well-formed events of a reasonable size pass. */
class ZaloWebhookSecurityTest extends ZaloIntegrationTest {

    @Test
    void aSignatureWithTheMacPrefixIsAcceptedAndTheMessageAnswered() {
        String user = newUser();
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();
        assertThat(awaitMessages(user, 1).get(0).text()).contains("trợ lý tự động");
    }

    @Test
    void aBareHexSignatureIsAccepted() {
        String user = newUser();
        byte[] body = ZaloEvents.text(user, newMsgId(), "xin chào").getBytes(StandardCharsets.UTF_8);
        String mac = webhook.sign(body, ZaloWebhookClient.timestampOf(new String(body, StandardCharsets.UTF_8)));
        webhook.postSigned(body, mac, null).expectStatus().isOk();
        assertThat(awaitMessages(user, 1)).isNotEmpty();
    }

    @Test
    void anUpperCaseHexSignatureIsAccepted() {
        String user = newUser();
        byte[] body = ZaloEvents.text(user, newMsgId(), "xin chào").getBytes(StandardCharsets.UTF_8);
        String mac = webhook.sign(body, ZaloWebhookClient.timestampOf(new String(body, StandardCharsets.UTF_8)));
        webhook.postSigned(body, "mac=" + mac.toUpperCase(Locale.ROOT), null).expectStatus().isOk();
        assertThat(awaitMessages(user, 1)).isNotEmpty();
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsProcessed() {
        byte[] body = ZaloEvents.text(newUser(), newMsgId(), "xin chào").getBytes(StandardCharsets.UTF_8);
        double before = accepted();
        webhook.postSigned(body, "mac=" + "0".repeat(64), null).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aMissingSignatureIsRefusedAndNothingIsProcessed() {
        byte[] body = ZaloEvents.text(newUser(), newMsgId(), "xin chào").getBytes(StandardCharsets.UTF_8);
        double before = accepted();
        webhook.postSigned(body, null, null).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aBodyChangedByOneByteAfterSigningIsRefused() {
        String json = ZaloEvents.text(newUser(), newMsgId(), "xin chào");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String mac = "mac=" + webhook.sign(body, ZaloWebhookClient.timestampOf(json));
        int at = json.indexOf("xin");
        body[at] = (byte) 'X';
        double before = accepted();
        webhook.postSigned(body, mac, null).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aCorrectlySignedEventOlderThanTheMaximumAgeIsRefusedAsAReplay() {
        String user = newUser();
        double before = accepted();
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào", ZaloEvents.hoursAgo(4))).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aRetryInsideTheWindowIsAccepted() {
        String user = newUser();
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào", ZaloEvents.hoursAgo(2))).expectStatus().isOk();
        assertThat(awaitMessages(user, 1)).isNotEmpty();
    }

    @Test
    void theTimestampHeaderIsSignedWhenPresentEvenIfTheBodyCarriesTheSample1970sOne() {
        String user = newUser();
        String json = ZaloEvents.text(user, newMsgId(), "xin chào", "154390853474");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String now = ZaloEvents.now();
        webhook.postSigned(body, "mac=" + webhook.sign(body, now), now).expectStatus().isOk();
        assertThat(awaitMessages(user, 1)).isNotEmpty();

        // Signed with the body's timestamp while the header says another: refused.
        byte[] other = ZaloEvents.text(newUser(), newMsgId(), "xin chào").getBytes(StandardCharsets.UTF_8);
        String bodyTime = ZaloWebhookClient.timestampOf(new String(other, StandardCharsets.UTF_8));
        webhook.postSigned(other, "mac=" + webhook.sign(other, bodyTime), Long.toString(Long.parseLong(bodyTime) + 1))
                .expectStatus().isUnauthorized();
    }

    @Test
    void aMalformedBodyIsABadRequestOnlyWhenItsSignatureIsValid() {
        String now = ZaloEvents.now();
        for (String json : new String[] {"not json", "{\"timestamp\":\"" + now + "\"}", "[1,2]"}) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            webhook.postSigned(body, "mac=" + "0".repeat(64), now).expectStatus().isUnauthorized()
                    .expectBody(String.class).isEqualTo("invalid signature");
            webhook.postSigned(body, "mac=" + webhook.sign(body, now), now).expectStatus().isBadRequest()
                    .expectBody(String.class).value(text -> assertThat(text).startsWith("malformed event"));
        }
        byte[] noTimestamp = "{\"event_name\":\"user_send_text\"}".getBytes(StandardCharsets.UTF_8);
        webhook.postSigned(noTimestamp, "mac=" + webhook.sign(noTimestamp, "1"), null).expectStatus().isUnauthorized();
        webhook.postSigned(noTimestamp, "mac=" + webhook.sign(noTimestamp, ""), null).expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo("malformed event: event has no timestamp");
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLarge() {
        webhook.post(ZaloEvents.text(newUser(), newMsgId(), "x".repeat(70_000))).expectStatus().isEqualTo(413);
    }

    @Test
    void anEventForAnotherOfficialAccountOfTheAppIsAcknowledgedAndIgnored() {
        String json = ZaloEvents.text(newUser(), newMsgId(), "xin chào").replace(ZaloEvents.oaId(), "111111111111111111");
        double before = accepted();
        webhook.post(json).expectStatus().isOk();
        assertThat(accepted()).isEqualTo(before);
    }
}
