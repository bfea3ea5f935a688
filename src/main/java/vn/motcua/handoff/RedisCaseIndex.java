package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationState;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * The case index on Redis: each entry (sealed JSON) under the conversation's key, and one set of ids per state to
 * list them. The entry is the truth; a set may still name a conversation that moved on or expired, which a listing
 * drops (and removes from the set). An entry expires a retention period after its last change, a closed one the case
 * period (MOTCUA_CASE_RETENTION), as in memory; a set lives as long as its longest-kept entry.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisCaseIndex implements CaseIndex {

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final SealedJson sealed;
    private final Duration retention;
    private final Duration caseRetention;

    RedisCaseIndex(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer, PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealed = new SealedJson(sealer);
        this.retention = privacy.retention();
        this.caseRetention = privacy.caseRetention();
    }

    private String entryKey(String conversationId) {
        return keys.conversation("handoff:case", conversationId);
    }

    private String stateKey(ConversationState state) {
        return keys.key("handoff", "cases", state.name());
    }

    @Override
    public Mono<Void> put(Entry entry) {
        String id = entry.conversationId();
        String in = stateKey(entry.state());
        Duration kept = entry.state() == ConversationState.CLOSED ? caseRetention : retention;
        return redis.opsForValue().set(entryKey(id), sealed.seal(entry), kept)
                .then(redis.opsForSet().add(in, id))
                .then(redis.expire(in, kept))
                .thenMany(Flux.fromArray(ConversationState.values()).filter(s -> s != entry.state())
                        .concatMap(s -> redis.opsForSet().remove(stateKey(s), id)))
                .then();
    }

    @Override
    public Mono<Entry> find(String conversationId) {
        return redis.opsForValue().get(entryKey(conversationId)).map(s -> sealed.open(s, Entry.class));
    }

    @Override
    public Mono<List<Entry>> inStates(Set<ConversationState> states) {
        return Flux.fromIterable(states).concatMap(state -> redis.opsForSet().members(stateKey(state))
                        .concatMap(id -> find(id).filter(e -> e.state() == state)
                                .switchIfEmpty(Mono.defer(() -> dropStale(state, id)))))
                .collectList();
    }

    /**
     * Takes out of the state's set a conversation whose entry moved on or expired. A {@link #put} into that state may
     * run meanwhile (it writes the entry, then adds to the set): read again after removing, and put it back if so.
     */
    private Mono<Entry> dropStale(ConversationState state, String id) {
        return redis.opsForSet().remove(stateKey(state), id)
                .then(find(id))
                .filter(e -> e.state() == state)
                .flatMap(e -> redis.opsForSet().add(stateKey(state), id).thenReturn(e));
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return redis.delete(entryKey(conversationId))
                .thenMany(Flux.fromArray(ConversationState.values())
                        .concatMap(s -> redis.opsForSet().remove(stateKey(s), conversationId)))
                .then();
    }
}
