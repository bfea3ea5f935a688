package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.redis.RedisKeys;

/**
 * Recent claim waits on Redis: one list of milliseconds, newest first, trimmed to the last {@value
 * InMemoryClaimTimes#KEPT}. Durations only, shared by every instance, so each tells a waiting person the same
 * likely wait.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisClaimTimes implements ClaimTimes {

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;

    RedisClaimTimes(ReactiveStringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private String key() {
        return keys.key("handoff", "claim-times");
    }

    @Override
    public Mono<Void> record(Duration waited) {
        return redis.opsForList().leftPush(key(), Long.toString(waited.toMillis()))
                .then(redis.opsForList().trim(key(), 0, InMemoryClaimTimes.KEPT - 1))
                .then();
    }

    @Override
    public Mono<List<Duration>> recent(int limit) {
        if (limit <= 0) {
            return Mono.just(List.of());
        }
        return redis.opsForList().range(key(), 0, limit - 1).map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                .collectList();
    }
}
