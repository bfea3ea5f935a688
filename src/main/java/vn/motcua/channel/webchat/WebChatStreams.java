package vn.motcua.channel.webchat;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Each open session's outgoing messages, from the turn that writes them to the browser's event stream. A message
 * written while no browser listens (before the stream is opened, or while it reconnects) waits in a bounded buffer,
 * so the first answer is never lost to the race between {@code POST /webchat/messages} and {@code GET /webchat/stream}.
 * Streams live in this process: several instances need the console's pub/sub (DESIGN §4) to reach each other.
 *
 * <p>Bounded with their sessions: a stream exists only for a session found open, ends when its session ends (closed,
 * expired or evicted: {@link WebChatSessionStore.Ended}), and serves at most {@code MOTCUA_WEBCHAT_STREAMS_PER_SESSION}
 * listeners at once (tabs of one conversation); a further listener is refused.
 */
@Component
class WebChatStreams implements WebChatSessionStore.Ended {

    /** Messages kept for a session nobody is listening to; beyond this, sends fail and are recorded. */
    static final int BUFFER = 64;

    private final Cache<String, SessionStream> streams;
    private final int listenersPerSession;

    WebChatStreams(WebChatProperties properties) {
        this.listenersPerSession = properties.streamsPerSession();
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

    /** Makes sure the open session has a stream, and keeps it from expiring. */
    void keep(String sessionId) {
        streams.get(sessionId, id -> new SessionStream());
    }

    /** Hands a message to the session's listeners, or buffers it; false when the session has no stream or it is full. */
    boolean publish(String sessionId, WebChatEvent event) {
        SessionStream stream = streams.getIfPresent(sessionId);
        return stream != null && stream.emit(event);
    }

    /**
     * The session's messages from now on, buffered ones first; completes when the session closes or expires.
     *
     * @return null when the session already has as many listeners as allowed
     */
    Flux<WebChatEvent> listen(String sessionId) {
        SessionStream stream = streams.get(sessionId, id -> new SessionStream());
        if (stream.listeners.incrementAndGet() > listenersPerSession) {
            stream.listeners.decrementAndGet();
            return null;
        }
        return stream.flux().doFinally(signal -> stream.listeners.decrementAndGet());
    }

    @Override
    public void sessionEnded(String sessionId) {
        close(sessionId);
    }

    /** How many streams are held (for tests). */
    long size() {
        streams.cleanUp();
        return streams.estimatedSize();
    }

    /** Drops the stream and its buffer, and ends every listener. */
    void close(String sessionId) {
        streams.invalidate(sessionId);
    }

    /** Whether anything is held for the session (for erasure checks; does not count as activity). */
    boolean holds(String sessionId) {
        return streams.asMap().containsKey(sessionId);
    }

    private static final class SessionStream {

        // Multicast with autoCancel off: buffers while nobody listens (before the first subscriber and between
        // reconnections), serves every open tab of the session, and survives a browser disconnecting.
        private final Sinks.Many<WebChatEvent> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);
        private final AtomicInteger listeners = new AtomicInteger();

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
