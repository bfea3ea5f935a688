package vn.motcua.handoff;

import java.time.Instant;
import vn.motcua.message.Priority;

/**
 * A conversation waiting for a caseworker.
 *
 * @param reason    the intent or event that asked for a person (an intent id, never message text)
 * @param since     when it started waiting (kept when the priority rises)
 * @param alertedAt when the caseworkers were last alerted that it waits too long, or null
 */
public record Escalation(String conversationId, Priority priority, String reason, Instant since, Instant alertedAt) {

    public Escalation(String conversationId, Priority priority, String reason, Instant since) {
        this(conversationId, priority, reason, since, null);
    }

    public Escalation alerted(Instant at) {
        return new Escalation(conversationId, priority, reason, since, at);
    }
}
