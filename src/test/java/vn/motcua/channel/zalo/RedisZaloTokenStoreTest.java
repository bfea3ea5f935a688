package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisZaloTokenStoreTest extends ZaloTokenStoreContract {

    private static final ServerSecret SECRET = new ServerSecret(new PrivacyProperties("zalo-secret", null));

    private final RedisScope redis = RedisTestSupport.scope("zalo-tokens");

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    /** A new instance on the same Redis (a restart, or another instance), configured with these tokens. */
    @Override
    ZaloTokenStore startedWith(String accessToken, String refreshToken) {
        return new RedisZaloTokenStore(redis.template(), redis.keys(), new TextSealer(SECRET),
                new PseudonymousIds(SECRET), new ZaloProperties("360846524940903967", null, "oa-secret",
                "app-secret", refreshToken, accessToken, null, null, 0, null, 0, 0, null, null,
                Duration.ofSeconds(5), null, null));
    }

    @Test
    void aRenewedPairSurvivesARestartWithTheSameConfigurationAndIsStoredSealed() {
        ZaloTokenStore first = startedWith("configured-access", "configured-refresh");
        ZaloTokens renewed = new ZaloTokens("renewed-access", "renewed-refresh",
                Instant.now().plus(ACCESS_TOKEN_LIFETIME).truncatedTo(ChronoUnit.MILLIS));
        first.replace(renewed).block();

        assertThat(startedWith("configured-access", "configured-refresh").current().block())
                .as("after a restart: the renewed pair, not the used-up configured one").isEqualTo(renewed);

        assertThat(redis.allKeys()).containsExactly(redis.prefix() + "zalo:tokens");
        Map<String, String> raw = redis.template().<String, String>opsForHash().entries(redis.prefix() + "zalo:tokens")
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        assertThat(raw).containsOnlyKeys("pair", "seed");
        assertThat(String.join(" ", raw.values())).doesNotContain("renewed-", "configured-");
    }

    @Test
    void aNewRefreshTokenPutInTheConfigurationIsUsedAtTheNextStart() {
        ZaloTokenStore first = startedWith("configured-access", "configured-refresh");
        first.replace(new ZaloTokens("renewed-access", "renewed-refresh", Instant.now().plusSeconds(3600))).block();

        // The operator was told the refresh token was refused and pasted a fresh one.
        ZaloTokens afterRestart = startedWith(null, "pasted-refresh").current().block();
        assertThat(afterRestart.refreshToken()).isEqualTo("pasted-refresh");
        assertThat(afterRestart.hasAccessToken()).isFalse();
        assertThat(startedWith(null, "pasted-refresh").current().block()).as("and kept by the next start")
                .isEqualTo(afterRestart);
    }
}
