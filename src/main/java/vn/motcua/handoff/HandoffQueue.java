package vn.motcua.handoff;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The conversations that need a caseworker, most urgent first. Only their ids, priorities and times: what was said
 * stays in the conversation. Callers hold the conversation's lock.
 */
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

    /** One waiting conversation; empty when it is not waiting. */
    Mono<Escalation> find(String conversationId);

    /** Notes that the caseworkers were alerted (again) that it waits too long; nothing if it no longer waits. */
    Mono<Void> markAlerted(String conversationId, Instant at);

    /** Removes a conversation from the queue (taken by a caseworker, or erased). */
    Mono<Void> remove(String conversationId);
}
