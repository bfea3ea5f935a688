package vn.motcua.campaign;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.message.Channel;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * Opt-ins in Redis: {@code subscriber:{conv:<id>}} (the pseudonymous conversation id) holds the channel, the time of
 * the opt-in and the platform's send token, all sealed with {@link TextSealer}. It expires the subscriber period
 * (MOTCUA_SUBSCRIBER_RETENTION) after the opt-in, as in memory.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisSubscriberStore implements SubscriberStore {

    static final String KIND = "subscriber";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one opt-in holds; stored only sealed. */
    record Subscription(Channel channel, String sendToken, Instant since) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TextSealer sealer;
    private final Duration retention;

    RedisSubscriberStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer,
                         PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
        this.retention = privacy.subscriberRetention();
    }

    @Override
    public Mono<Void> subscribe(String conversationId, Channel channel, String sendToken) {
        return Mono.fromCallable(() -> sealer.seal(JSON.writeValueAsString(
                        new Subscription(channel, sendToken, Instant.now()))))
                .flatMap(sealed -> redis.opsForValue().set(key(conversationId), sealed, retention))
                .then();
    }

    @Override
    public Mono<Void> unsubscribe(String conversationId) {
        return redis.delete(key(conversationId)).then();
    }

    @Override
    public Mono<Boolean> isSubscribed(String conversationId) {
        return redis.hasKey(key(conversationId));
    }

    /** The stored opt-in, opened (for campaigns and tests). */
    Mono<Subscription> find(String conversationId) {
        return redis.opsForValue().get(key(conversationId))
                .map(sealed -> JSON.readValue(sealer.open(sealed), Subscription.class));
    }

    private String key(String conversationId) {
        return keys.conversation(KIND, conversationId);
    }
}
