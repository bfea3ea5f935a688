package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/** The contract on Redis, whose key TTLs run on the server's clock: a short idle time that really passes. */
class RedisWebChatSessionStoreTest extends WebChatSessionStoreContract {

    private final RedisScope redis = RedisTestSupport.scope("webchat-sessions");

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    @Override
    WebChatSessionStore newStore() {
        return new RedisWebChatSessionStore(redis.template(), redis.keys(),
                new PseudonymousIds(new ServerSecret(new PrivacyProperties("webchat-secret", null))),
                new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10), idle(), 0, null, 0, null, 0, null));
    }

    @Override
    Duration idle() {
        return Duration.ofMillis(1500);
    }

    /** Real time passing on Redis's clock is what is tested here, not a wait for something asynchronous. */
    @Override
    void elapse(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() - until < 0) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    @Test
    void aSessionSurvivesARestartAndItsIdIsNeverStored() {
        String session = SessionIds.next();
        newStore().open(session).block();

        assertThat(newStore().touch(session).block()).as("seen by a restarted instance").isTrue();
        assertThat(redis.allKeys()).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain(session).startsWith(redis.prefix() + "webchat-session:");
            assertThat(redis.template().opsForValue().get(key).block()).doesNotContain(session);
            assertThat(redis.template().getExpire(key).block()).isPositive().isLessThanOrEqualTo(idle());
        });
    }
}
