package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link ZaloTokenStore} adapter must do; each adapter's test extends this. The pair is one value: a new
 * access token kept with an old, already used refresh token would lock the service out of Zalo until someone pastes
 * a new refresh token by hand.
 *
 * <p>A shared adapter (Redis) must also keep a pair that a refresh stored over the one configured when another
 * instance starts: the configured refresh token has been used up by then.
 */
abstract class ZaloTokenStoreContract {

    /** Zalo's access tokens live 25 hours (expires_in 90000 in the OAuth sample). */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(25);

    /** A store as at the first start-up, with ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN set to these (null: unset). */
    abstract ZaloTokenStore startedWith(String accessToken, String refreshToken);

    @Test
    void atFirstStartUpTheConfiguredPairIsCurrentAndTrustedForAtMostOneTokenLifetime() {
        Instant before = Instant.now();
        ZaloTokenStore store = startedWith("configured-access", "configured-refresh");

        StepVerifier.create(store.current())
                .assertNext(tokens -> {
                    assertThat(tokens.accessToken()).isEqualTo("configured-access");
                    assertThat(tokens.refreshToken()).isEqualTo("configured-refresh");
                    assertThat(tokens.accessExpiresAt()).isAfter(before)
                            .isBeforeOrEqualTo(Instant.now().plus(ACCESS_TOKEN_LIFETIME));
                })
                .verifyComplete();
    }

    @Test
    void withOnlyARefreshTokenConfiguredThereIsNoAccessTokenToUseYet() {
        ZaloTokens tokens = startedWith(null, "configured-refresh").current().block();

        assertThat(tokens.hasAccessToken()).isFalse();
        assertThat(tokens.refreshToken()).isEqualTo("configured-refresh");
        assertThat(tokens.accessExpiresAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aReplacedPairIsReadBackWhole() {
        ZaloTokenStore store = startedWith("configured-access", "configured-refresh");
        ZaloTokens fresh = new ZaloTokens("fresh-access", "fresh-refresh",
                Instant.now().plus(ACCESS_TOKEN_LIFETIME).truncatedTo(ChronoUnit.MILLIS));

        StepVerifier.create(store.replace(fresh)).verifyComplete();
        assertThat(store.current().block()).isEqualTo(fresh);
    }

    @Test
    void concurrentReplacementsNeverLeaveAnAccessTokenWithAnotherPairsRefreshToken() {
        ZaloTokenStore store = startedWith("configured-access", "configured-refresh");
        Instant expires = Instant.now().plus(ACCESS_TOKEN_LIFETIME).truncatedTo(ChronoUnit.MILLIS);
        List<ZaloTokens> pairs = IntStream.range(0, 50)
                .mapToObj(i -> new ZaloTokens("access-" + i, "refresh-" + i, expires.plusMillis(i))).toList();

        Flux.fromIterable(pairs)
                .flatMap(pair -> store.replace(pair).subscribeOn(Schedulers.parallel()), pairs.size())
                .blockLast(Duration.ofSeconds(10));

        assertThat(store.current().block()).isIn(pairs);
    }
}
