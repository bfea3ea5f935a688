package vn.motcua.handoff;

import java.time.Instant;

/**
 * One caseworker action: who, what, when, on which conversation. Never message text, note text or anything the
 * person said; {@code detail} holds ids and statuses only.
 *
 * @param conversationId null once the conversation was erased
 */
public record AuditEntry(Instant at, String actor, Action action, String conversationId, String detail) {

    /** What a caseworker did. */
    public enum Action {
        VIEW_TRANSCRIPT, CLAIM, REPLY, REPLY_REFUSED, NOTE, SAFE_CONTACT, REFERRAL_PROPOSED, REFERRAL_UPDATED, RELEASE,
        CLOSE,
        /** A caseworker erased a conversation: the entry names nobody (no conversation id, no detail). */
        ERASE
    }
}
