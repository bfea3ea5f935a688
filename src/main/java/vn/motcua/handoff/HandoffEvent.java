package vn.motcua.handoff;

import java.time.Instant;

import vn.motcua.message.Priority;

/**
 * Something the caseworkers' consoles should show at once. Ids only: a console reads what it shows, so no message
 * text ever travels through the event channel (which becomes Redis pub/sub with several instances).
 */
public sealed interface HandoffEvent {

    String conversationId();

    /** The conversation's place or state in the queue changed: escalated, raised, claimed, released, closed, overdue. */
    record QueueChanged(String conversationId) implements HandoffEvent {
    }

    /** A message was added to the transcript, or its delivery status changed. */
    record MessageChanged(String conversationId, String turnId) implements HandoffEvent {
    }

    /**
     * Sound the alarm: a crisis message from a person whose conversation a caseworker holds, or a conversation that
     * has waited too long.
     *
     * @param reason {@code crisis} or {@code overdue}
     */
    record Alert(String conversationId, Priority priority, String reason, Instant at) implements HandoffEvent {

        public static final String CRISIS = "crisis";
        public static final String OVERDUE = "overdue";
    }
}
