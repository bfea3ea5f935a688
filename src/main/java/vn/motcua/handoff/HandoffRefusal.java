package vn.motcua.handoff;

/**
 * A caseworker's action that cannot be done, with the reason in Vietnamese for the console.
 *
 * @see Kind
 */
public final class HandoffRefusal extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** No such conversation or referral (never existed, erased, or expired). */
        NOT_FOUND,
        /** Someone else holds the conversation; {@link #assignee()} says who. */
        CLAIMED,
        /** The caller does not hold the conversation. */
        NOT_ASSIGNED,
        /** The platform's window for a reply is closed; the reply was not sent. */
        WINDOW_CLOSED,
        /** The conversation's or the referral's state does not allow it. */
        INVALID_TRANSITION,
        /** The request itself is incomplete (an empty reply, an unknown service). */
        INVALID
    }

    private final Kind kind;
    private final String assignee;

    public HandoffRefusal(Kind kind, String message) {
        this(kind, message, null);
    }

    public HandoffRefusal(Kind kind, String message, String assignee) {
        super(message);
        this.kind = kind;
        this.assignee = assignee;
    }

    public Kind kind() {
        return kind;
    }

    public String assignee() {
        return assignee;
    }
}
