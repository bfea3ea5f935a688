package vn.motcua.outbox;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisStoreProperties;

/** Builds the (package-private) Redis outbox for tests in other packages. */
public final class RedisOutboxes {

    private RedisOutboxes() {
    }

    public static Outbox create(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                                TextSealer sealer) {
        return new RedisOutbox(redis, keys, properties, sealer);
    }
}
