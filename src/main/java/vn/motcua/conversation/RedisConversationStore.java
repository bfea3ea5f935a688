package vn.motcua.conversation;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * Each conversation as one Redis string, {@code conversation:{conv:<id>}}: the whole record as JSON, sealed with
 * {@link TextSealer} (its turns' text and its reply address are sealed already; the seal also covers what else it
 * says about the person: their district, intents, who answered them). The key expires a retention period after the
 * last save, like the in-memory store's expire-after-write.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisConversationStore implements ConversationStore {

    static final String KIND = "conversation";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TextSealer sealer;
    private final Duration retention;

    RedisConversationStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer,
                           PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
        this.retention = privacy.retention();
    }

    @Override
    public Mono<Conversation> find(String id) {
        return redis.opsForValue().get(key(id))
                .map(sealed -> JSON.readValue(sealer.open(sealed), Conversation.class));
    }

    @Override
    public Mono<Void> save(Conversation conversation) {
        return Mono.fromCallable(() -> sealer.seal(JSON.writeValueAsString(conversation)))
                .flatMap(sealed -> redis.opsForValue().set(key(conversation.id()), sealed, retention))
                .flatMap(ok -> ok ? Mono.empty() : Mono.error(new IllegalStateException("Redis refused the write")));
    }

    @Override
    public Mono<Void> delete(String id) {
        return redis.delete(key(id)).then();
    }

    private String key(String id) {
        return keys.conversation(KIND, id);
    }
}
