package vn.motcua.channel.zalo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.redis.RedisKeys;

/**
 * Single flight across every instance sharing the Redis: the refresh runs only while holding
 * {@code zalo:refresh-lock} ({@code SET NX PX} with an owner token, freed by compare-and-delete in Lua, so a refresh
 * that outlived its lease cannot free the next one's). Inside one instance, callers share the one running attempt as
 * the in-memory lock does. An instance that finds the lock held by another waits until it is free (polling with a
 * growing pause, bounded by the lease time) and then reads the pair that instance stored.
 */
@Component
@Conditional(ZaloEnabled.class)
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisZaloRefreshLock implements ZaloRefreshLock {

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);
    private static final long FIRST_PAUSE_MS = 10;
    private static final long LONGEST_PAUSE_MS = 250;

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final Duration lease;
    private final SingleFlight flight = new SingleFlight();

    RedisZaloRefreshLock(ReactiveStringRedisTemplate redis, RedisKeys keys, ZaloProperties properties) {
        this.redis = redis;
        this.key = keys.key(RedisZaloTokenStore.KIND, "refresh-lock");
        // A refresh is one OAuth call, bounded by the send timeout; the lease outlasts a slow one with room to spare.
        Duration threeCalls = properties.sendTimeout().multipliedBy(3);
        this.lease = threeCalls.compareTo(Duration.ofSeconds(30)) > 0 ? threeCalls : Duration.ofSeconds(30);
    }

    @Override
    public Mono<ZaloTokens> exclusive(Mono<ZaloTokens> refresh, Mono<ZaloTokens> reread) {
        return flight.share(acrossInstances(refresh, reread), reread);
    }

    private Mono<ZaloTokens> acrossInstances(Mono<ZaloTokens> refresh, Mono<ZaloTokens> reread) {
        String token = UUID.randomUUID().toString();
        return redis.opsForValue().setIfAbsent(key, token, lease).flatMap(taken -> Boolean.TRUE.equals(taken)
                // The pair is handed out only once the lock is free again, so the next caller can take it.
                ? refresh.flatMap(tokens -> release(token).thenReturn(tokens))
                        .switchIfEmpty(release(token).then(Mono.empty()))
                        .onErrorResume(e -> release(token).onErrorResume(ignored -> Mono.empty()).then(Mono.error(e)))
                        .doOnCancel(() -> release(token).subscribe(null, e -> { }))
                : freed(System.nanoTime() + lease.toNanos(), FIRST_PAUSE_MS).then(reread));
    }

    /** Completes once nobody holds the lock; fails if it stays held longer than one lease. */
    private Mono<Void> freed(long deadline, long pauseMs) {
        return redis.hasKey(key).flatMap(held -> {
            if (!Boolean.TRUE.equals(held)) {
                return Mono.empty();
            }
            if (System.nanoTime() - deadline > 0) {
                return Mono.error(new ZaloTokenException("another instance's token renewal did not finish", false));
            }
            return Mono.delay(Duration.ofMillis(pauseMs))
                    .then(freed(deadline, Math.min(LONGEST_PAUSE_MS, pauseMs * 2)));
        });
    }

    private Mono<Void> release(String token) {
        return redis.execute(RELEASE, List.of(key), List.of(token)).then();
    }
}
