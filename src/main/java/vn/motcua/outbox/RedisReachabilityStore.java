package vn.motcua.outbox;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.redis.RedisKeys;

/**
 * Unreachable conversations in Redis: {@code unreachable:{conv:<id>}} (the pseudonymous conversation id, never a
 * platform id) holds the operators' short English reason and expires with the conversation, a retention period after
 * it was marked.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisReachabilityStore implements ReachabilityStore {

    static final String KIND = "unreachable";

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration retention;

    RedisReachabilityStore(ReactiveStringRedisTemplate redis, RedisKeys keys, PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.retention = privacy.retention();
    }

    @Override
    public Mono<Void> markUnreachable(String conversationId, String reason) {
        return redis.opsForValue().set(key(conversationId), reason == null ? "" : reason, retention).then();
    }

    @Override
    public Mono<Void> markReachable(String conversationId) {
        return redis.delete(key(conversationId)).then();
    }

    @Override
    public Mono<Boolean> isUnreachable(String conversationId) {
        return redis.hasKey(key(conversationId));
    }

    private String key(String conversationId) {
        return keys.conversation(KIND, conversationId);
    }
}
