package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisReachabilityStoreTest extends ReachabilityStoreContract {

    private static final Duration RETENTION = Duration.ofDays(30);

    private final RedisScope redis = RedisTestSupport.scope("reachability");
    private final RedisReachabilityStore store = newStore();

    @Override
    ReachabilityStore store() {
        return store;
    }

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    private RedisReachabilityStore newStore() {
        return new RedisReachabilityStore(redis.template(), redis.keys(), new PrivacyProperties("s", RETENTION));
    }

    @Test
    void aMarkSurvivesARestartAndExpiresWithTheConversation() {
        String conversation = UUID.randomUUID().toString();
        store.markUnreachable(conversation, "zalo -230: not interacted").block();

        assertThat(newStore().isUnreachable(conversation).block()).as("seen by a restarted instance").isTrue();
        String key = redis.prefix() + "unreachable:{conv:" + conversation + "}";
        assertThat(redis.allKeys()).containsExactly(key);
        assertThat(redis.template().getExpire(key).block()).isBetween(RETENTION.minusMinutes(1), RETENTION);
    }
}
