package vn.motcua.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.redis.RedisKeys;

/**
 * The lockout's failures on Redis, shared by every instance, so that N instances give an attacker no more tries than
 * one. Each account and address has a hash ({@code c}: failures in a row, {@code u}: locked until, epoch ms) whose key
 * names it only by its HMAC; one script counts a failure and sets the lock, and the hash goes a day after the last
 * failure. A trusted address is a string, also named by an HMAC, that lasts {@code trustFor}. Times are kept to the
 * millisecond. Keys are listed in docs/architecture.md.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisLoginFailures implements LoginFailures {

    /**
     * KEYS[1]: the hash; ARGV: now (ms), allowed, base wait (ms), longest wait (ms), keep (ms). The back-off of
     * {@link Backoff#lockedUntil}: from the allowed-th failure on, base doubled per further failure (at most 20 times),
     * never more than the longest wait. Returns {@code <count>:<locked until, or 0>}.
     */
    private static final RedisScript<String> FAILED = RedisScript.of("""
            local c = redis.call('HINCRBY', KEYS[1], 'c', 1)
            local allowed = tonumber(ARGV[2])
            local u = 0
            if c >= allowed then
              local w = tonumber(ARGV[3]) * (2 ^ math.min(c - allowed, 20))
              if w > tonumber(ARGV[4]) then w = tonumber(ARGV[4]) end
              u = tonumber(ARGV[1]) + w
              redis.call('HSET', KEYS[1], 'u', string.format('%d', u))
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return c .. ':' .. string.format('%d', u)
            """, String.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final PseudonymousIds ids;
    private final ConsoleProperties properties;

    RedisLoginFailures(ReactiveStringRedisTemplate redis, RedisKeys keys, PseudonymousIds ids,
                       ConsoleProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ids = ids;
        this.properties = properties;
    }

    @Override
    public Mono<Failures> failures(Scope scope, String key) {
        return redis.<String, String>opsForHash().multiGet(key(scope, key), List.of("c", "u"))
                .filter(values -> values.get(0) != null)
                .map(values -> new Failures(Integer.parseInt(values.get(0)),
                        values.get(1) == null ? null : Instant.ofEpochMilli(Long.parseLong(values.get(1)))));
    }

    @Override
    public Mono<Failures> failed(Scope scope, String key, Backoff backoff, Instant now) {
        return redis.execute(FAILED, List.of(key(scope, key)), List.of(Long.toString(now.toEpochMilli()),
                        Integer.toString(backoff.allowed()), Long.toString(backoff.base().toMillis()),
                        Long.toString(backoff.max().toMillis()), Long.toString(KEPT.toMillis())))
                .next()
                .map(result -> {
                    int colon = result.indexOf(':');
                    long until = Long.parseLong(result.substring(colon + 1));
                    return new Failures(Integer.parseInt(result.substring(0, colon)),
                            until == 0 ? null : Instant.ofEpochMilli(until));
                });
    }

    @Override
    public Mono<Void> clear(Scope scope, String key) {
        return redis.delete(key(scope, key)).then();
    }

    @Override
    public Mono<Void> trust(String account, String address) {
        return redis.opsForValue().set(trustedKey(account, address), "1", properties.trustFor()).then();
    }

    @Override
    public Mono<Boolean> trusted(String account, String address) {
        return redis.hasKey(trustedKey(account, address));
    }

    private String key(Scope scope, String key) {
        String kind = scope.name().toLowerCase(Locale.ROOT);
        return keys.key("console", "failures", kind, ids.hash("console-" + kind + ":" + key));
    }

    private String trustedKey(String account, String address) {
        return keys.key("console", "trusted", ids.hash("console-trusted:" + account + "|" + address));
    }
}
