package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisDedupeStoreTest extends DedupeStoreContract {

    private static final Duration WINDOW = Duration.ofHours(24);

    private final RedisScope redis = RedisTestSupport.scope("dedupe");
    private final RedisDedupeStore store = newStore(WINDOW);

    @Override
    DedupeStore store() {
        return store;
    }

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    private RedisDedupeStore newStore(Duration window) {
        return new RedisDedupeStore(redis.template(), redis.keys(),
                new PseudonymousIds(new ServerSecret(new PrivacyProperties("dedupe-secret", null))),
                new InboxProperties(window, 4, 50, 3));
    }

    @Test
    void aRedeliveryAfterARestartIsStillRecognisedAndOnlyAHashOfTheEventIdIsStored() {
        String event = "messenger:m_AbCdEf-123456789";
        assertThat(store.firstSighting(event).block()).isTrue();

        assertThat(newStore(WINDOW).firstSighting(event).block()).as("the same event, seen by a restarted instance")
                .isFalse();

        assertThat(redis.allKeys()).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain("m_AbCdEf").matches(java.util.regex.Pattern.quote(redis.prefix())
                    + "dedupe:[0-9a-f]{64}");
            assertThat(redis.template().opsForValue().get(key).block()).doesNotContain("m_AbCdEf");
            assertThat(redis.template().getExpire(key).block()).isBetween(WINDOW.minusMinutes(1), WINDOW);
        });
    }

    @Test
    void aKeyIsForgottenAfterTheWindow() {
        RedisDedupeStore shortWindow = newStore(Duration.ofMillis(300));
        assertThat(shortWindow.firstSighting("mid.1").block()).isTrue();
        assertThat(shortWindow.firstSighting("mid.1").block()).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> shortWindow.firstSighting("mid.1").block());
    }
}
