package vn.motcua.handoff;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with what caseworkers wrote about it, opened for the console.
 *
 * @param safeContact null when none was written
 * @param outcome     how it was closed, or null
 */
public record CaseView(QueueItem summary, List<NoteView> notes, List<ReferralView> referrals, SafeContactView safeContact,
                       String outcome) {

    /** A referral, its note opened. */
    public record ReferralView(String id, String conversationId, String serviceId, ReferralStatus status, String note,
                               List<Referral.Step> history) {
    }

    /** A note, opened. */
    public record NoteView(String id, String author, String text, Instant at) {
    }

    /** The safe-contact note, opened. */
    public record SafeContactView(String when, boolean callAllowed, String by, Instant at) {
    }
}
