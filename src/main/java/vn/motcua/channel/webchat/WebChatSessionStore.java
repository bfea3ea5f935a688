package vn.motcua.channel.webchat;

import reactor.core.publisher.Mono;

/**
 * The web chat sessions that are open. A session is only a random id with an idle timer: it holds nothing about the
 * person, and the conversation itself lives in the {@code ConversationStore} under a pseudonymous id derived from it.
 */
public interface WebChatSessionStore {

    /** Opens a session under a fresh id from {@link SessionIds#next()}. */
    Mono<Void> open(String sessionId);

    /**
     * Whether the session is open. Counts as activity: the idle timer starts again.
     *
     * @return false for an unknown, expired or closed session
     */
    Mono<Boolean> touch(String sessionId);

    /** Closes a session at once; harmless when it is unknown. */
    Mono<Void> close(String sessionId);
}
