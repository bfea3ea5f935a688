package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * Case files on Redis: the notes (a list), the safe-contact note and the closure, each sealed JSON under the
 * conversation's hash tag. Every write gives all three a retention period again, in one script (one Cluster slot),
 * so the file is forgotten as a whole a retention period after its last write, as in memory. Closing the case drops
 * the notes and the safe contact in the same script and keeps only the closure, for the case period.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisCaseFiles implements CaseFiles {

    /** KEYS: notes, safe contact, closure; ARGV[1]: the retention in ms, ARGV[2]: the case period in ms. */
    private static final RedisScript<Long> TOUCH = RedisScript.of(
            "local ms = ARGV[1] if redis.call('EXISTS', KEYS[3]) == 1 then ms = ARGV[2] end "
                    + "for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, ms) end return 1", Long.class);

    /** KEYS: notes, safe contact, closure; ARGV[1]: the sealed closure, ARGV[2]: the case period in ms. */
    private static final RedisScript<Long> CLOSE = RedisScript.of(
            "redis.call('DEL', KEYS[1], KEYS[2]) redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2]) return 1",
            Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final SealedJson sealed;
    private final Duration retention;
    private final Duration caseRetention;

    RedisCaseFiles(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer, PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealed = new SealedJson(sealer);
        this.retention = privacy.retention();
        this.caseRetention = privacy.caseRetention();
    }

    private List<String> fileKeys(String conversationId) {
        return List.of(keys.conversation("handoff:notes", conversationId),
                keys.conversation("handoff:safe-contact", conversationId),
                keys.conversation("handoff:closure", conversationId));
    }

    private Mono<Void> touch(String conversationId) {
        return redis.execute(TOUCH, fileKeys(conversationId), List.of(Long.toString(retention.toMillis()),
                Long.toString(caseRetention.toMillis()))).then();
    }

    @Override
    public Mono<Void> addNote(Note note) {
        return redis.opsForList().rightPush(fileKeys(note.conversationId()).get(0), sealed.seal(note))
                .then(touch(note.conversationId()));
    }

    @Override
    public Mono<List<Note>> notes(String conversationId) {
        return redis.opsForList().range(fileKeys(conversationId).get(0), 0, -1)
                .map(s -> sealed.open(s, Note.class)).collectList();
    }

    @Override
    public Mono<Void> putSafeContact(SafeContact contact) {
        return redis.opsForValue().set(fileKeys(contact.conversationId()).get(1), sealed.seal(contact))
                .then(touch(contact.conversationId()));
    }

    @Override
    public Mono<SafeContact> safeContact(String conversationId) {
        return redis.opsForValue().get(fileKeys(conversationId).get(1)).map(s -> sealed.open(s, SafeContact.class));
    }

    @Override
    public Mono<Void> putClosure(Closure closure) {
        return redis.execute(CLOSE, fileKeys(closure.conversationId()),
                List.of(sealed.seal(closure), Long.toString(caseRetention.toMillis()))).then();
    }

    @Override
    public Mono<Closure> closure(String conversationId) {
        return redis.opsForValue().get(fileKeys(conversationId).get(2)).map(s -> sealed.open(s, Closure.class));
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return redis.delete(fileKeys(conversationId).toArray(String[]::new)).then();
    }
}
