package vn.motcua.conversation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RedisConversationStore.class);

    static final String KIND = "conversation";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TextSealer sealer;
    private final Duration retention;
    private final Duration caseRetention;

    RedisConversationStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer,
                           PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
        this.retention = privacy.retention();
        this.caseRetention = privacy.caseRetention();
    }

    /**
     * The stored conversation; empty also when it cannot be opened with this server secret (MOTCUA_SECRET changed):
     * the person is then answered afresh rather than not at all.
     */
    @Override
    public Mono<Conversation> find(String id) {
        return redis.opsForValue().get(key(id)).flatMap(sealed -> {
            String json;
            try {
                json = sealer.open(sealed);
            } catch (IllegalStateException e) {
                log.warn("A stored conversation could not be opened with this MOTCUA_SECRET (was it changed?); "
                        + "it is treated as gone");
                return Mono.empty();
            }
            return Mono.just(JSON.readValue(json, Conversation.class));
        });
    }

    @Override
    public Mono<Void> save(Conversation conversation) {
        return Mono.fromCallable(() -> sealer.seal(JSON.writeValueAsString(conversation)))
                .flatMap(sealed -> redis.opsForValue().set(key(conversation.id()), sealed,
                        // A closed case is kept for the case period, as in memory (its text is dropped on closure).
                        conversation.state() == ConversationState.CLOSED ? caseRetention : retention))
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
