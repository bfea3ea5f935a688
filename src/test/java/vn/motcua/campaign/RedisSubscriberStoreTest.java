package vn.motcua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisSubscriberStoreTest extends SubscriberStoreContract {

    private static final PrivacyProperties PRIVACY = new PrivacyProperties("subscriber-secret", Duration.ofDays(30));

    private final RedisScope redis = RedisTestSupport.scope("subscribers");
    private final RedisSubscriberStore store = newStore();

    @Override
    SubscriberStore store() {
        return store;
    }

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    private RedisSubscriberStore newStore() {
        return new RedisSubscriberStore(redis.template(), redis.keys(), new TextSealer(new ServerSecret(PRIVACY)),
                PRIVACY);
    }

    @Test
    void anOptInSurvivesARestartExpiresAfterTheRetentionPeriodAndItsSendTokenIsSealed() {
        String id = UUID.randomUUID().toString();
        store.subscribe(id, Channel.MESSENGER, "notification-token-XYZ").block();

        RedisSubscriberStore restarted = newStore();
        assertThat(restarted.isSubscribed(id).block()).isTrue();
        RedisSubscriberStore.Subscription opened = restarted.find(id).block();
        assertThat(opened.channel()).isEqualTo(Channel.MESSENGER);
        assertThat(opened.sendToken()).isEqualTo("notification-token-XYZ");

        String key = redis.prefix() + "subscriber:{conv:" + id + "}";
        assertThat(redis.allKeys()).containsExactly(key);
        assertThat(redis.template().opsForValue().get(key).block()).doesNotContain("notification-token", "MESSENGER");
        assertThat(redis.template().getExpire(key).block())
                .isBetween(PRIVACY.subscriberRetention().minusMinutes(1), PRIVACY.subscriberRetention());
    }
}
