package vn.motcua.channel.webchat;

import reactor.core.publisher.Mono;

/**
 * The web chat sessions that are open. A session is only a random id with an idle timer: it holds nothing about the
 * person, and the conversation itself lives in the {@code ConversationStore} under a pseudonymous id derived from it.
 */
public interface WebChatSessionStore {

    /**
     * Opens a session under a fresh id from {@link SessionIds#next()}. A store with a size bound makes room only by
     * forgetting a session unused for {@code MOTCUA_WEBCHAT_EVICT_AFTER_IDLE}, never one in use; when there is none,
     * it signals {@link Full} and opens nothing, so that the person is told to try again (503) rather than someone
     * else's conversation being cut off.
     */
    Mono<Void> open(String sessionId);

    /**
     * Whether the session is open. Counts as activity: the idle timer starts again.
     *
     * @return false for an unknown, expired or closed session
     */
    Mono<Boolean> touch(String sessionId);

    /** Closes a session at once; harmless when it is unknown. */
    Mono<Void> close(String sessionId);

    /** Every session is in use and the store holds as many as it may: {@link #open} refused a new one. */
    final class Full extends RuntimeException {

        public Full() {
            super("the web chat session store is full of sessions in use", null, false, false);
        }
    }

    /** Told when a session ends for any reason (closed, expired, evicted), to release what was held for it. */
    interface Ended {

        void sessionEnded(String sessionId);
    }
}
