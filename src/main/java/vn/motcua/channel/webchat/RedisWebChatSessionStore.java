package vn.motcua.channel.webchat;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.redis.RedisKeys;

/**
 * Open web chat sessions in Redis, so a page served by one instance can post to another. One key per session,
 * {@code webchat-session:<HMAC of the session id>}: the id itself, the only key to the session's stream and
 * messages, is never stored. The key's TTL is the idle time; {@link #touch} is one {@code PEXPIRE}, which both says
 * whether the session is open and starts its idle time again.
 *
 * <p>Unlike the in-memory store there is no count bound ({@code MOTCUA_WEBCHAT_MAX_SESSIONS}): each session is a few
 * dozen bytes in Redis and goes after the idle time.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisWebChatSessionStore implements WebChatSessionStore {

    static final String KIND = "webchat-session";

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final PseudonymousIds ids;
    private final Duration idle;

    RedisWebChatSessionStore(ReactiveStringRedisTemplate redis, RedisKeys keys, PseudonymousIds ids,
                             WebChatProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ids = ids;
        this.idle = properties.sessionIdle();
    }

    @Override
    public Mono<Void> open(String sessionId) {
        return redis.opsForValue().set(key(sessionId), "1", idle).then();
    }

    @Override
    public Mono<Boolean> touch(String sessionId) {
        return redis.expire(key(sessionId), idle);
    }

    @Override
    public Mono<Void> close(String sessionId) {
        return redis.delete(key(sessionId)).then();
    }

    private String key(String sessionId) {
        return keys.key(KIND, ids.hash(sessionId));
    }
}
