package vn.motcua.channel.webchat;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries each open session's outgoing messages, from the turn or the caseworker that writes them to the browser's
 * event stream, whichever instance each is on. A message written while no browser listens (before the stream is
 * opened, or while it reconnects, perhaps to another instance) waits in a bounded buffer, so the first answer is
 * never lost to the race between {@code POST /webchat/messages} and {@code GET /webchat/stream}. A session's stream
 * lives as long as the session is used: every touch of the session keeps it.
 */
public interface WebChatRelay {

    /** Messages kept for a session nobody is listening to; beyond this, sends fail and are recorded. */
    int BUFFER = 64;

    /** Makes sure the open session has a stream, and keeps it (and what it holds) from expiring. */
    Mono<Void> keep(String sessionId);

    /**
     * Hands a message to the session's listener, or keeps it until one listens.
     *
     * @return false when the session has no stream (never opened, closed, expired) or its buffer is full
     */
    Mono<Boolean> publish(String sessionId, WebChatEvent event);

    /** The session's messages from now on, kept ones first; completes when the session's stream is closed. */
    Flux<WebChatEvent> listen(String sessionId);

    /** Drops the stream and its buffer, and ends every listener (after what was already written to it). */
    Mono<Void> close(String sessionId);

    /** Whether anything is held for the session (for erasure checks; does not count as activity). */
    Mono<Boolean> holds(String sessionId);
}
