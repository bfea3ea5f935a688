package vn.motcua.handoff;

import java.time.Instant;
import vn.motcua.message.Priority;

/**
 * A conversation waiting for a caseworker.
 *
 * @param reason the intent or event that asked for a person (an intent id, never message text)
 */
public record Escalation(String conversationId, Priority priority, String reason, Instant since) {
}
