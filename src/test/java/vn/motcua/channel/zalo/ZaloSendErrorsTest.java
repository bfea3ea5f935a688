package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import vn.motcua.message.Channel;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.Senders;
import vn.motcua.outbox.FailedSend;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;

/**
 * How Zalo's answers are handled: success only on {@code error: 0}; -216 refreshes the token once; -32 is retried with
 * backoff; recipient errors are recorded, not retried, and mark the person unreachable.
 */
class ZaloSendErrorsTest extends ZaloIntegrationTest {

    @Autowired
    ZaloTokenStore tokens;

    @Autowired
    ReachabilityStore reachability;

    @Autowired
    Senders clients;

    @Autowired
    HealthContributorRegistry health;

    @Test
    void anExpiredTokenIsRefreshedOnceThenTheMessageIsSentWithTheNewTokenAndTheNewPairIsStored() {
        String user = newUser();
        ZaloTokens before = tokens.current().block();
        int refreshes = OAUTH.calls().size();
        OPENAPI.revoke(before.accessToken());

        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();

        ZaloOpenApiStub.SendCall delivered = awaitMessages(user, 1).get(0);
        ZaloTokens after = tokens.current().block();
        assertThat(delivered.accessToken()).isEqualTo(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(after.refreshToken()).isEqualTo(OAUTH.lastIssuedRefreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(OPENAPI.messagesTo(user)).extracting(ZaloOpenApiStub.SendCall::error).containsExactly(-216, 0);

        assertThat(OAUTH.calls()).hasSize(refreshes + 1);
        ZaloOAuthStub.RefreshCall refresh = OAUTH.calls().get(refreshes);
        assertThat(refresh.path()).isEqualTo("/v4/oa/access_token");
        assertThat(refresh.secretKey()).isEqualTo(APP_SECRET);
        assertThat(refresh.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(refresh.form()).containsEntry("refresh_token", before.refreshToken())
                .containsEntry("app_id", ZaloEvents.appId())
                .containsEntry("grant_type", "refresh_token");
        assertThat(failuresOf(user)).isEmpty();
    }

    @Test
    void tenConcurrentSendsThatAllMeetAnExpiredTokenCauseOneRefresh() throws Exception {
        Sender zalo = clients.forChannel(Channel.ZALO).orElseThrow();
        List<String> users = IntStream.range(0, 10).mapToObj(i -> newUser()).toList();
        String old = tokens.current().block().accessToken();
        int refreshes = OAUTH.calls().size();
        int revokedUses = OPENAPI.revokedUses();
        OPENAPI.revoke(old);
        // The refresh is answered only after all ten sends have met -216, so all ten are waiting at the same time.
        CountDownLatch allRejected = new CountDownLatch(1);
        OAUTH.holdUntil(allRejected);
        try {
            CompletableFuture<List<SendOutcome>> outcomes = Flux.fromIterable(users)
                    .flatMap(user -> zalo.send(message(user, "Xin chào, mình là trợ lý tự động.", List.of())), 10)
                    .collectList().toFuture();
            eventually().until(() -> OPENAPI.revokedUses() >= revokedUses + users.size());
            allRejected.countDown();

            assertThat(outcomes.get(10, TimeUnit.SECONDS)).hasSize(10)
                    .allMatch(SendOutcome::delivered);
        } finally {
            OAUTH.release();
        }
        assertThat(OAUTH.calls()).hasSize(refreshes + 1);
        String fresh = tokens.current().block().accessToken();
        for (String user : users) {
            assertThat(OPENAPI.deliveredTo(user)).singleElement()
                    .extracting(ZaloOpenApiStub.SendCall::accessToken).isEqualTo(fresh);
        }
    }

    @Test
    void aPersonWhoHasNotInteractedForSevenDaysIsNotRetriedIsRecordedAndMarkedUnreachable() {
        String user = newUser();
        OPENAPI.script(user, -230);
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();

        eventually().until(() -> !failuresOf(user).isEmpty());
        FailedSend failure = failuresOf(user).get(0);
        assertThat(failure.channel()).isEqualTo(Channel.ZALO);
        assertThat(failure.code()).isEqualTo(-230);
        assertThat(failure.reason()).contains("7 days");
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.kind()).isEqualTo(SendError.Kind.WINDOW_CLOSED);
        assertThat(OPENAPI.messagesTo(user)).hasSize(1);
        assertThat(reachability.isUnreachable(conversationId(user)).block()).isTrue();
    }

    @Test
    void rateLimitingIsRetriedWithBackoffUntilTheMessageIsDelivered() {
        String user = newUser();
        OPENAPI.script(user, -32, -32);
        webhook.post(ZaloEvents.text(user, newMsgId(), "xin chào")).expectStatus().isOk();

        awaitMessages(user, 1);
        assertThat(OPENAPI.messagesTo(user)).extracting(ZaloOpenApiStub.SendCall::error).containsExactly(-32, -32, 0);
        assertThat(OPENAPI.messagesTo(user)).extracting(ZaloOpenApiStub.SendCall::text)
                .containsOnly(OPENAPI.messagesTo(user).get(0).text());
        assertThat(failuresOf(user)).isEmpty();
    }

    @Test
    void anyOtherErrorIsRecordedWithItsMeaningAndNotRetried() {
        String user = newUser();
        SendOutcome outcome = zalo().send(message(user, "Xin chào", List.of())).block(Duration.ofSeconds(10));
        assertThat(outcome.delivered()).isTrue();

        OPENAPI.script(user, -211);
        outcome = zalo().send(message(user, "Xin chào lần nữa", List.of())).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.failure().code()).isEqualTo(-211);
        assertThat(outcome.failure().reason()).isEqualTo("out of quota");
        assertThat(outcome.failure().attempts()).isEqualTo(1);
        assertThat(failuresOf(user)).hasSize(1);
        assertThat(reachability.isUnreachable(conversationId(user)).block()).isFalse();
    }

    @Test
    void buttonsThatZaloRefusesAsInvalidAreDroppedSoThePersonStillGetsTheText() {
        String user = newUser();
        double refused = refusedButtons();
        OPENAPI.script(user, -201);
        SendOutcome outcome = zalo().send(message(user, "Bạn muốn tìm hiểu về điều gì?",
                List.of(new QuickReplyOption("Số điện thoại", "INTENT:hotline")))).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isTrue();
        List<ZaloOpenApiStub.SendCall> calls = OPENAPI.messagesTo(user);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).buttonTitles()).containsExactly("Số điện thoại");
        assertThat(calls.get(1).buttons()).isEmpty();
        assertThat(calls.get(1).text()).isEqualTo("Bạn muốn tìm hiểu về điều gì?");
        assertThat(refusedButtons()).isEqualTo(refused + 1);
    }

    @Test
    void buttonsRefusedOnceStayDroppedWhenTheTextAloneMustBeRetried() {
        String user = newUser();
        OPENAPI.script(user, -201, -32);
        SendOutcome outcome = zalo().send(message(user, "Bạn muốn tìm hiểu về điều gì?",
                List.of(new QuickReplyOption("Số điện thoại", "INTENT:hotline")))).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isTrue();
        List<ZaloOpenApiStub.SendCall> calls = OPENAPI.messagesTo(user);
        assertThat(calls).extracting(ZaloOpenApiStub.SendCall::error).containsExactly(-201, -32, 0);
        assertThat(calls.get(1).buttons()).isEmpty();
        assertThat(calls.get(2).buttons()).isEmpty();
    }

    @Test
    void aPermanentFailureStopsTheRemainingPartsOfALongMessage() {
        String user = newUser();
        OPENAPI.script(user, 0, -211);
        String text = "Bạn không có lỗi trong chuyện này. ".repeat(130).strip();

        SendOutcome outcome = zalo().send(message(user, text, List.of())).block(Duration.ofSeconds(10));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.reason()).contains("out of quota");
        assertThat(OPENAPI.messagesTo(user)).extracting(ZaloOpenApiStub.SendCall::error).containsExactly(0, -211);
        assertThat(failuresOf(user)).hasSize(1);
    }

    @Test
    void everyPurposeGoesThroughTheConsultationEndpoint() {
        String user = newUser();
        for (Purpose purpose : Purpose.values()) {
            OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), conversationId(user),
                    ReplyAddress.of(Channel.ZALO, user), purpose, false, "Xin chào", List.of());
            assertThat(zalo().send(message).block(Duration.ofSeconds(10)).delivered()).isTrue();
        }
        assertThat(OPENAPI.messagesTo(user)).hasSize(Purpose.values().length)
                .allSatisfy(call -> assertThat(call.path()).isEqualTo(ZaloSendClient.SEND_PATH));
    }

    @Test
    void aCallButtonOpensTheDialerAndOnlyACallButtonDoes() {
        String user = newUser();
        zalo().send(message(user, "Trẻ em cần giúp: gọi 111.",
                List.of(new QuickReplyOption("Gọi 111", "tel:111"), new QuickReplyOption("Gặp nhân viên",
                        "INTENT:human_agent"), new QuickReplyOption("111", "111")))).block(Duration.ofSeconds(10));

        List<JsonNode> buttons = awaitMessages(user, 1).get(0).buttons();
        assertThat(buttons.get(0).path("type").asString()).isEqualTo("oa.open.phone");
        assertThat(buttons.get(0).path("payload").path("phone_code").asString()).isEqualTo("111");
        assertThat(buttons.get(1).path("type").asString()).isEqualTo("oa.query.show");
        assertThat(buttons.get(1).path("payload").asString()).isEqualTo("Gặp nhân viên");
        // A payload that merely looks like a number is no call button (QuickReplyOption.dials).
        assertThat(buttons.get(2).path("type").asString()).isEqualTo("oa.query.show");
    }

    @Test
    void aLongAnswerIsSplitIntoPartsOfAtMost2000CharactersWithTheButtonsOnTheLast() {
        String user = newUser();
        String sentence = "Bạn không có lỗi trong chuyện này. ";
        String text = sentence.repeat(130).strip();
        zalo().send(message(user, text, List.of(new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent"))))
                .block(Duration.ofSeconds(10));

        List<ZaloOpenApiStub.SendCall> parts = awaitMessages(user, 3);
        assertThat(parts).hasSize(3).allMatch(p -> p.text().length() <= ZaloSendClient.MAX_TEXT);
        assertThat(parts.get(0).buttons()).isEmpty();
        assertThat(parts.get(2).buttonTitles()).containsExactly("Gặp nhân viên");
        assertThat(String.join(" ", parts.stream().map(ZaloOpenApiStub.SendCall::text).toList())).isEqualTo(text);
    }

    @Test
    void theTokenHealthIsTheZaloComponentOfActuatorHealth() {
        assertThat(health.getContributor("zalo")).isInstanceOf(ZaloHealthIndicator.class);
        assertThat(((ZaloHealthIndicator) health.getContributor("zalo")).health().getStatus()).isEqualTo(Status.UP);
    }

    private double refusedButtons() {
        var counter = meters.find("motcua.zalo.buttons.refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private Sender zalo() {
        return clients.forChannel(Channel.ZALO).orElseThrow();
    }

    private OutboundMessage message(String user, String text, List<QuickReplyOption> options) {
        return OutboundMessage.response(conversationId(user), ReplyAddress.of(Channel.ZALO, user), text, options);
    }
}
