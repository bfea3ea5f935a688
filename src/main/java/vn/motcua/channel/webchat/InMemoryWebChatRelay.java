package vn.motcua.channel.webchat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The relay within one process: each open session's stream is a sink here, buffering while nobody listens. With
 * several instances, {@link RedisWebChatRelay} carries the messages between them.
 *
 * <p>Bounded with their sessions: a stream ends, and its buffer is freed, when its session ends (closed, expired or
 * evicted: {@link WebChatSessionStore.Ended}), and {@link ListenerSlots} bounds the listeners of one session.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryWebChatRelay implements WebChatRelay, WebChatSessionStore.Ended {

    private final Cache<String, SessionStream> streams;

    InMemoryWebChatRelay(WebChatProperties properties) {
        // Same idle time as the session: every session touch also touches the stream, so a stream never expires
        // before its session, and an abandoned stream's buffer is freed with it.
        this.streams = Caffeine.newBuilder()
                .expireAfterAccess(properties.sessionIdle())
                // A safety net only: every stream belongs to an open session, and sessions are bounded themselves.
                .maximumSize(2L * properties.maxSessions())
                .removalListener((String id, SessionStream stream, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (stream != null) {
                        stream.complete();
                    }
                })
                .build();
    }

    @Override
    public Mono<Void> keep(String sessionId) {
        return Mono.fromRunnable(() -> streams.get(sessionId, id -> new SessionStream()));
    }

    @Override
    public Mono<Boolean> publish(String sessionId, WebChatEvent event) {
        return Mono.fromSupplier(() -> {
            SessionStream stream = streams.getIfPresent(sessionId);
            return stream != null && stream.emit(event);
        });
    }

    @Override
    public Flux<WebChatEvent> listen(String sessionId) {
        return Flux.defer(() -> streams.get(sessionId, id -> new SessionStream()).flux());
    }

    @Override
    public void sessionEnded(String sessionId) {
        streams.invalidate(sessionId);
    }

    /** How many streams are held (for tests). */
    long size() {
        streams.cleanUp();
        return streams.estimatedSize();
    }

    @Override
    public Mono<Void> close(String sessionId) {
        return Mono.fromRunnable(() -> streams.invalidate(sessionId));
    }

    @Override
    public Mono<Boolean> holds(String sessionId) {
        return Mono.fromSupplier(() -> streams.asMap().containsKey(sessionId));
    }

    private static final class SessionStream {

        // Multicast with autoCancel off: buffers while nobody listens (before the first subscriber and between
        // reconnections), serves every open tab of the session, and survives a browser disconnecting.
        private final Sinks.Many<WebChatEvent> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);

        // Turns and (later) caseworker messages may emit from different threads; the sink needs them serialized.
        synchronized boolean emit(WebChatEvent event) {
            return sink.tryEmitNext(event).isSuccess();
        }

        synchronized void complete() {
            sink.tryEmitComplete();
        }

        Flux<WebChatEvent> flux() {
            return sink.asFlux();
        }
    }
}
