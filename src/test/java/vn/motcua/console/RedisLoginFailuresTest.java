package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisLoginFailuresTest extends LoginFailuresContract {

    private static final PseudonymousIds IDS =
            new PseudonymousIds(new ServerSecret(new PrivacyProperties("login-failures-secret", null)));

    private final List<RedisScope> scopes = new ArrayList<>();
    private RedisScope last;

    @AfterEach
    void close() {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            scopes.get(i).close();
        }
    }

    @Override
    LoginFailures newFailures() {
        last = RedisTestSupport.scope("login-failures");
        scopes.add(last);
        return new RedisLoginFailures(last.template(), last.keys(), IDS, PROPERTIES);
    }

    @Override
    LoginFailures sameFailures() {
        RedisScope other = RedisTestSupport.scope("unused");
        scopes.add(other);
        RedisScope same = new RedisScope(last.prefix(), last.keys(), other.factory(), other.template());
        return new RedisLoginFailures(same.template(), same.keys(), IDS, PROPERTIES);
    }

    @Test
    void aDumpNamesNoAccountNorAddressAndEveryKeyGoesAfterADayOrTheTrustPeriod() {
        attempts().failed("lan", "203.0.113.7").block();
        attempts().failed("minh", "203.0.113.7").block();
        attempts().succeeded("minh", "198.51.100.20").block();
        attempts().failed("lan", "198.51.100.20").block();

        List<String> keys = last.allKeys();
        assertThat(keys).as("lan's failures, two addresses' failures, minh's trusted address")
                .hasSize(4)
                .allSatisfy(key -> assertThat(key).startsWith(last.prefix() + "console:")
                        .doesNotContain("lan", "minh", "203.0.113", "198.51.100"));
        for (String key : keys) {
            Duration ttl = last.template().getExpire(key).block();
            Duration longest = key.startsWith(last.prefix() + "console:trusted:") ? PROPERTIES.trustFor()
                    : LoginFailures.KEPT;
            assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(longest).isGreaterThan(longest.minusMinutes(1));
        }
    }
}
