package vn.motcua.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.redis.RedisKeys;

/**
 * Presence on Redis: one sorted set of caseworkers by when each was last seen, shared by every instance, so a
 * caseworker whose console is connected to another instance still counts as on duty. Entries older than a day are
 * dropped, and the set goes when nobody was seen for a day.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisCaseworkerPresence implements CaseworkerPresence {

    static final Duration KEPT = Duration.ofDays(1);

    /** KEYS[1]: the set; ARGV: seen at (ms), caseworker, drop before (ms), keep for (ms). Never moves a time back. */
    private static final RedisScript<Long> SEEN = RedisScript.of("""
            local s = redis.call('ZSCORE', KEYS[1], ARGV[2])
            if (not s) or tonumber(s) < tonumber(ARGV[1]) then redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;

    RedisCaseworkerPresence(ReactiveStringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private String key() {
        return keys.key("handoff", "presence");
    }

    @Override
    public Mono<Void> seen(String caseworker, Instant at) {
        return redis.execute(SEEN, List.of(key()), List.of(Long.toString(at.toEpochMilli()), caseworker,
                Long.toString(at.minus(KEPT).toEpochMilli()), Long.toString(KEPT.toMillis()))).then();
    }

    @Override
    public Mono<Void> left(String caseworker) {
        return redis.opsForZSet().remove(key(), caseworker).then();
    }

    @Override
    public Mono<Boolean> anyoneSince(Instant since) {
        return redis.opsForZSet().count(key(), Range.closed((double) since.toEpochMilli(), Double.POSITIVE_INFINITY))
                .map(n -> n > 0);
    }
}
