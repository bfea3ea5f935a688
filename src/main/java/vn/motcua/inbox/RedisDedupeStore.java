package vn.motcua.inbox;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.redis.RedisKeys;

/**
 * Dedupe keys in Redis, so a platform's redelivery is recognised on any instance and after a restart (issue 13's
 * replay protection). One string per event, {@code dedupe:<HMAC of the event key>}, set with {@code SET NX PX}: the
 * first sighting is the one that created it, and it is forgotten after {@code MOTCUA_DEDUPE_WINDOW}. The event's own
 * id (a platform message id) is never stored, only its keyed hash.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisDedupeStore implements DedupeStore {

    static final String KIND = "dedupe";

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final PseudonymousIds ids;
    private final Duration window;

    RedisDedupeStore(ReactiveStringRedisTemplate redis, RedisKeys keys, PseudonymousIds ids,
                     InboxProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ids = ids;
        this.window = properties.dedupeWindow();
    }

    @Override
    public Mono<Boolean> firstSighting(String key) {
        return redis.opsForValue().setIfAbsent(redisKey(key), "1", window).map(Boolean.TRUE::equals);
    }

    @Override
    public Mono<Boolean> seen(String key) {
        return redis.hasKey(redisKey(key)).map(Boolean.TRUE::equals);
    }

    private String redisKey(String key) {
        return keys.key(KIND, ids.hash(key));
    }
}
