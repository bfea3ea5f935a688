package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * The audit log on Redis. Each entry is sealed JSON under its own sequence number; a sorted set orders the most
 * recent ({@value InMemoryAuditLog#KEPT} at most) and a list per conversation names its entries. An entry names a
 * (pseudonymous) conversation and what was done to it, so it expires a retention period after it was written, like
 * everything else about the person; an erasure rewrites the conversation's entries without its id, keeping their
 * time to live.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisAuditLog implements AuditLog {

    /** Replaces an entry that still exists, keeping its time to live. */
    private static final RedisScript<Long> REWRITE = RedisScript.of(
            "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') return 1 end "
                    + "return 0", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final SealedJson sealed;
    private final Duration retention;

    RedisAuditLog(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer, PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealed = new SealedJson(sealer);
        this.retention = privacy.retention();
    }

    private String sequenceKey() {
        return keys.key("handoff", "audit", "seq");
    }

    private String recentKey() {
        return keys.key("handoff", "audit", "recent");
    }

    private String entryKey(String number) {
        return keys.key("handoff", "audit", "entry", number);
    }

    private String ofKey(String conversationId) {
        return keys.conversation("handoff:audit:of", conversationId);
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return redis.opsForValue().increment(sequenceKey()).map(n -> Long.toString(n)).flatMap(n -> redis.opsForValue()
                .set(entryKey(n), sealed.seal(entry), retention)
                .then(redis.opsForZSet().add(recentKey(), n, Double.parseDouble(n)))
                .then(redis.opsForZSet().removeRange(recentKey(), Range.closed(0L, (long) -InMemoryAuditLog.KEPT - 1)))
                .then(redis.expire(recentKey(), retention))
                .then(entry.conversationId() == null ? Mono.<Boolean>empty()
                        : redis.opsForList().rightPush(ofKey(entry.conversationId()), n)
                        .then(redis.expire(ofKey(entry.conversationId()), retention))))
                .then();
    }

    @Override
    public Mono<List<AuditEntry>> of(String conversationId) {
        return redis.opsForList().range(ofKey(conversationId), 0, -1)
                .concatMap(this::entry)
                .filter(e -> conversationId.equals(e.conversationId()))
                .collectList();
    }

    @Override
    public Mono<List<AuditEntry>> recent(int limit) {
        if (limit <= 0) {
            return Mono.just(List.of());
        }
        return redis.opsForZSet().reverseRange(recentKey(), Range.closed(0L, (long) limit - 1))
                .concatMap(this::entry)
                .collectList();
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return redis.opsForList().range(ofKey(conversationId), 0, -1)
                .concatMap(n -> entry(n).flatMap(e -> redis.execute(REWRITE, List.of(entryKey(n)), List.of(
                        sealed.seal(new AuditEntry(e.at(), e.actor(), e.action(), null, e.detail())))).then()))
                .then(redis.delete(ofKey(conversationId)))
                .then();
    }

    private Mono<AuditEntry> entry(String number) {
        return redis.opsForValue().get(entryKey(number)).map(s -> sealed.open(s, AuditEntry.class));
    }
}
