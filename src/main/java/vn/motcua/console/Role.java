package vn.motcua.console;

/** What a signed-in user may do. ADMIN does not include the others: give a user each role they need. */
public enum Role {
    /** Takes over conversations: the queue, transcripts, replies, notes, referrals. */
    CASEWORKER,
    /** Writes and sends awareness campaigns. */
    CAMPAIGN,
    /** Operates the service: content reload, NLU checks, the audit log, metrics. */
    ADMIN
}
