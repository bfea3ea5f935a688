package vn.motcua.outbox;

import reactor.core.publisher.Mono;

/**
 * Which conversations can no longer be messaged on their platform (the person unfollowed, blocked us, or has not
 * written for longer than the platform allows). Campaigns and caseworker messages consult it before sending; a
 * message from the person makes them reachable again.
 */
public interface ReachabilityStore {

    /** Records that nothing can be sent to this conversation; {@code reason} is a short English note for operators. */
    Mono<Void> markUnreachable(String conversationId, String reason);

    /** The person wrote again: messages can reach them. Harmless when they were never marked. */
    Mono<Void> markReachable(String conversationId);

    Mono<Boolean> isUnreachable(String conversationId);
}
