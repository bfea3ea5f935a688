package vn.motcua.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * The handoff queue on Redis: each waiting conversation's escalation (sealed JSON) under its own key, and a sorted
 * set of the waiting conversations' ids, by the time they started waiting. Both expire a retention period after the
 * last escalation, like the conversation. Callers hold the conversation's lock (the Redis lock with several
 * instances), so the read-merge-write of {@link #escalate} has one writer per conversation.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisHandoffQueue implements HandoffQueue {

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final SealedJson sealed;
    private final Duration retention;

    RedisHandoffQueue(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer, PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealed = new SealedJson(sealer);
        this.retention = privacy.retention();
    }

    private String waitingKey() {
        return keys.key("handoff", "waiting");
    }

    private String escalationKey(String conversationId) {
        return keys.conversation("handoff:escalation", conversationId);
    }

    @Override
    public Mono<Escalation> escalate(Escalation escalation) {
        String id = escalation.conversationId();
        return find(id).map(old -> new Escalation(id, old.priority().atLeast(escalation.priority()),
                        escalation.priority().compareTo(old.priority()) > 0 ? escalation.reason() : old.reason(),
                        old.since(), old.alertedAt()))
                .defaultIfEmpty(escalation)
                .flatMap(merged -> redis.opsForValue().set(escalationKey(id), sealed.seal(merged), retention)
                        .then(redis.opsForZSet().add(waitingKey(), id, merged.since().toEpochMilli()))
                        .then(redis.expire(waitingKey(), retention))
                        .thenReturn(merged));
    }

    @Override
    public Mono<List<Escalation>> waiting() {
        return redis.opsForZSet().range(waitingKey(), Range.unbounded())
                .concatMap(id -> find(id).switchIfEmpty(Mono.defer(() -> dropStale(id))))
                .sort(InMemoryHandoffQueue.MOST_URGENT_FIRST)
                .collectList();
    }

    /**
     * Its escalation expired with the conversation (or it was just removed): it no longer waits. An escalation may
     * run meanwhile (it writes the escalation, then adds the id): read again after removing, and put it back if so.
     */
    private Mono<Escalation> dropStale(String id) {
        return redis.opsForZSet().remove(waitingKey(), id)
                .then(find(id))
                .flatMap(e -> redis.opsForZSet().add(waitingKey(), id, e.since().toEpochMilli()).thenReturn(e));
    }

    @Override
    public Mono<Escalation> find(String conversationId) {
        return redis.opsForValue().get(escalationKey(conversationId)).map(s -> sealed.open(s, Escalation.class));
    }

    @Override
    public Mono<Void> markAlerted(String conversationId, Instant at) {
        return find(conversationId).flatMap(e -> redis.opsForValue()
                .setIfPresent(escalationKey(conversationId), sealed.seal(e.alerted(at)), retention)).then();
    }

    @Override
    public Mono<Void> remove(String conversationId) {
        return redis.opsForZSet().remove(waitingKey(), conversationId)
                .then(redis.delete(escalationKey(conversationId))).then();
    }
}
