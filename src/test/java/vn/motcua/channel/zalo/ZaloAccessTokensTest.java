package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import mockwebserver3.MockWebServer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token pair on its own, against a stub OAuth host: renewal before expiry, one refresh for many callers, and a
 * refused refresh token raised as an alert once, never retried in a loop.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZaloAccessTokensTest {

    private final ZaloOAuthStub oauthStub = new ZaloOAuthStub();
    private final MockWebServer server = new MockWebServer();
    private final ZaloHealthIndicator health = new ZaloHealthIndicator();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(oauthStub);
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTokenExpiringWithinTheMarginIsRenewedBeforeUseAndTheNewPairStored() {
        InMemoryZaloTokenStore store = store("old-access", "old-refresh");
        store.replace(new ZaloTokens("old-access", "old-refresh", Instant.now().plus(Duration.ofMinutes(30)))).block();
        ZaloAccessTokens tokens = tokens(store);

        String token = tokens.accessToken().block();

        assertThat(token).startsWith("access-");
        assertThat(oauthStub.calls()).hasSize(1);
        assertThat(oauthStub.calls().get(0).form()).containsEntry("refresh_token", "old-refresh");
        ZaloTokens stored = store.current().block();
        assertThat(stored.accessToken()).isEqualTo(token);
        assertThat(stored.refreshToken()).isEqualTo(oauthStub.lastIssuedRefreshToken());
        // expires_in "90000" seconds in the official sample: 25 hours.
        assertThat(stored.accessExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void aTokenFarFromExpiryIsUsedAsItIs() {
        ZaloAccessTokens tokens = tokens(store("configured-access", "configured-refresh"));
        assertThat(tokens.accessToken().block()).isEqualTo("configured-access");
        assertThat(oauthStub.calls()).isEmpty();
    }

    @Test
    void withoutAConfiguredAccessTokenOneIsObtainedWithTheRefreshToken() {
        ZaloAccessTokens tokens = tokens(store(null, "configured-refresh"));
        assertThat(tokens.accessToken().block()).startsWith("access-");
        assertThat(oauthStub.calls()).hasSize(1);
    }

    @Test
    void tenCallersMeetingTheSameRejectedTokenShareOneRefresh() {
        ZaloAccessTokens tokens = tokens(store("rejected-access", "configured-refresh"));
        CountDownLatch allAsked = new CountDownLatch(1);
        oauthStub.holdUntil(allAsked);

        StepVerifier.create(Flux.range(0, 10).flatMap(i -> tokens.replaceRejected("rejected-access"), 10)
                        .collectList())
                .then(allAsked::countDown)
                .assertNext(fresh -> assertThat(fresh).hasSize(10).containsOnly(fresh.get(0))
                        .allMatch(t -> t.startsWith("access-")))
                .verifyComplete();
        assertThat(oauthStub.calls()).hasSize(1);

        // A late caller that still holds the old token gets the new one without another refresh.
        assertThat(tokens.replaceRejected("rejected-access").block()).startsWith("access-");
        assertThat(oauthStub.calls()).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenRaisesOneAlertTurnsHealthDownAndIsNotRetried(CapturedOutput output) {
        ZaloAccessTokens tokens = tokens(store("rejected-access", "secret-refresh-token-value"));
        oauthStub.refuseNext();

        assertThatThrownBy(() -> tokens.replaceRejected("rejected-access").block())
                .isInstanceOf(ZaloTokenException.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(output.getOut()).contains("ALERT").doesNotContain("secret-refresh-token-value")
                .doesNotContain("rejected-access");

        assertThatThrownBy(() -> tokens.replaceRejected("rejected-access").block())
                .isInstanceOf(ZaloTokenException.class);
        assertThat(oauthStub.calls()).hasSize(1);
        assertThat(output.getOut().split("ALERT", -1)).hasSize(2);
    }

    @Test
    void aMissingRefreshTokenIsAnAlertWithoutAskingZalo(CapturedOutput output) {
        ZaloAccessTokens tokens = tokens(store(null, null));
        assertThatThrownBy(() -> tokens.accessToken().block()).isInstanceOf(ZaloTokenException.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(output.getOut()).contains("ALERT").contains("ZALO_REFRESH_TOKEN is not set");
        assertThat(oauthStub.calls()).isEmpty();
    }

    @Test
    void aServerErrorIsNotTakenForARefusal() {
        ZaloAccessTokens tokens = tokens(store("rejected-access", "configured-refresh"));
        server.close();

        assertThatThrownBy(() -> tokens.replaceRejected("rejected-access").block())
                .isInstanceOf(ZaloTokenException.class)
                .matches(e -> !((ZaloTokenException) e).rejected);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private ZaloAccessTokens tokens(InMemoryZaloTokenStore store) {
        ZaloProperties properties = properties(null, null);
        return new ZaloAccessTokens(store, new InMemoryZaloRefreshLock(),
                new ZaloOAuthClient(properties, JsonMapper.builder().build()), health, properties);
    }

    private InMemoryZaloTokenStore store(String access, String refresh) {
        return new InMemoryZaloTokenStore(properties(access, refresh));
    }

    private ZaloProperties properties(String access, String refresh) {
        return new ZaloProperties("360846524940903967", null, "oa-secret", "app-secret", refresh, access, null,
                "http://127.0.0.1:" + server.getPort(), 0, null, 0, 0, null, null, Duration.ofSeconds(5), null, null);
    }
}
