package vn.motcua.outbox;

import java.util.regex.Pattern;

/**
 * Why a platform did not take a message, in the one shape every channel uses. Each channel classifies its own
 * platform's error codes into a {@link Kind}; {@link RetryingDelivery} acts on the kind alone. It is thrown by a
 * part's request and recorded as a {@link FailedSend}. It has no stack trace: it is the platform's answer, not a bug.
 *
 * @see Kind
 */
public final class SendError extends RuntimeException {

    /** What a failure means for this message and for the person. */
    public enum Kind {
        /** Rate limits, server errors, network errors: the same request may pass later, so it is retried. */
        TEMPORARY,
        /** The platform's window for this kind of message has closed: nothing reaches the person until they write. */
        WINDOW_CLOSED,
        /** The person blocked us, turned messages off, unfollowed or is inactive: nothing reaches them. */
        UNREACHABLE,
        /** Our access token was refused: nothing reaches anyone until it is replaced. */
        TOKEN,
        /** The platform refused this message itself (a bad parameter, a missing permission, a quota). */
        PERMANENT;

        /** Only a temporary failure is worth the same request again. */
        public boolean retryable() {
            return this == TEMPORARY;
        }

        /** The person cannot be messaged on this platform until they write again. */
        public boolean personUnreachable() {
            return this == WINDOW_CLOSED || this == UNREACHABLE;
        }
    }

    private static final int MAX_NOTE = 120;
    /** Long digit runs in a platform's message may be ids of people or pages: they never reach a log. */
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{6,}");

    private final Kind kind;
    private final int httpStatus;
    private final int code;
    private final int subcode;

    /**
     * @param httpStatus the HTTP status, 0 when no answer came (a network error)
     * @param code       the platform's error code, 0 when it gave none
     * @param subcode    the platform's error subcode, 0 when none
     * @param reason     a short English explanation for operators and the transcript; never a person's data
     */
    public SendError(Kind kind, int httpStatus, int code, int subcode, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
    }

    /** Sending failed before the platform answered, for a reason this code did not foresee. */
    public static SendError unexpected(Throwable cause) {
        return cause instanceof SendError known ? known
                : new SendError(Kind.PERMANENT, 0, 0, 0, "unexpected " + cause.getClass().getSimpleName());
    }

    /** A platform's own error message made safe for logs: one line, short, without long numbers. */
    public static String platformNote(String platformMessage) {
        if (platformMessage == null) {
            return "";
        }
        String safe = LONG_NUMBER.matcher(platformMessage.replaceAll("[\\r\\n]", " ")).replaceAll("#");
        return safe.length() <= MAX_NOTE ? safe : safe.substring(0, MAX_NOTE);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public String reason() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "SendError[" + kind + ", http " + httpStatus + ", code " + code + "/" + subcode + ": " + reason() + "]";
    }
}
