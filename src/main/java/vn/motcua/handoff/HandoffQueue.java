package vn.motcua.handoff;

import java.util.List;

import reactor.core.publisher.Mono;

/** The conversations that need a caseworker, most urgent first. */
public interface HandoffQueue {

    /**
     * Puts a conversation in the queue, or raises its priority if it is already waiting (never lowers it; keeps
     * the time it started waiting).
     *
     * @return the escalation as it now stands
     */
    Mono<Escalation> escalate(Escalation escalation);

    /** Waiting conversations: highest priority first, then longest waiting first. */
    Mono<List<Escalation>> waiting();

    /** Removes a conversation from the queue (taken by a caseworker, or erased). */
    Mono<Void> remove(String conversationId);
}
