package vn.motcua.inbox;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisStoreProperties;

/** Builds the (package-private) Redis inbox for tests in other packages. */
public final class RedisInboxQueues {

    private RedisInboxQueues() {
    }

    public static InboxQueue create(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                                    TextSealer sealer, PseudonymousIds ids) {
        return new RedisInboxQueue(redis, keys, properties, new InboxProperties(Duration.ofHours(24), 64, 50, 3), sealer,
                ids);
    }
}
