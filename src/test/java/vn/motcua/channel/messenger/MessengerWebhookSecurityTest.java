package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The handshake and the gate in front of the inbox: only signed, well-formed, reasonably sized deliveries pass. */
class MessengerWebhookSecurityTest extends MessengerIntegrationTest {

    @Test
    void handshakeWithTheRightTokenEchoesTheChallenge() {
        http.get().uri("/webhooks/messenger?hub.mode=subscribe&hub.verify_token={t}&hub.challenge=1158201444", VERIFY_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("1158201444");
    }

    @Test
    void handshakeWithAWrongTokenIsForbidden() {
        http.get().uri("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("1158201444"));
    }

    @Test
    void handshakeWithoutModeIsForbidden() {
        http.get().uri("/webhooks/messenger?hub.verify_token={t}&hub.challenge=1158201444", VERIFY_TOKEN)
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aCorrectlySignedDeliveryIsAcceptedAndAnswered() {
        String psid = newPsid();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, newMid(), "xin chào")))
                .expectStatus().isOk();
        assertThat(awaitMessages(psid, 1).get(0).text()).contains("trợ lý tự động");
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsProcessed() {
        byte[] body = MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "xin chào"))
                .getBytes(StandardCharsets.UTF_8);
        double before = accepted();
        webhook.postSigned(body, "sha256=" + "0".repeat(64)).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aMissingSignatureIsRefusedAndNothingIsProcessed() {
        byte[] body = MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "xin chào"))
                .getBytes(StandardCharsets.UTF_8);
        double before = accepted();
        webhook.postSigned(body, null).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aBodyChangedByOneByteAfterSigningIsRefused() {
        byte[] body = MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "xin chào"))
                .getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + webhook.sign(body);
        body[body.length - 3] = (byte) (body[body.length - 3] + 1);
        double before = accepted();
        webhook.postSigned(body, signature).expectStatus().isUnauthorized();
        assertThat(accepted()).isEqualTo(before);
    }

    @Test
    void aMalformedBodyIsABadRequestOnlyWhenItsSignatureIsValid() {
        for (String json : new String[] {"{\"object\":\"page\",\"entry\":[", "{\"object\":\"page\"}"}) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            webhook.postSigned(body, "sha256=" + "0".repeat(64)).expectStatus().isUnauthorized();
            webhook.post(json).expectStatus().isBadRequest()
                    .expectBody(String.class).value(text -> assertThat(text).startsWith("malformed delivery"));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLarge() {
        String big = "x".repeat(70_000);
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), big)))
                .expectStatus().isEqualTo(413);
    }

    @Test
    void afterBadRequestsTheServiceStillAnswers() {
        webhook.post("not json at all").expectStatus().isBadRequest();
        webhook.postSigned("{}".getBytes(StandardCharsets.UTF_8), "sha256=bad").expectStatus().isUnauthorized();
        String psid = newPsid();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, newMid(), "chào bạn")))
                .expectStatus().isOk();
        assertThat(awaitMessages(psid, 1)).isNotEmpty();
    }
}
