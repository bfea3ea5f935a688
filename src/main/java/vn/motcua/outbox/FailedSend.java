package vn.motcua.outbox;

import java.time.Instant;
import vn.motcua.message.Channel;

/**
 * A message that did not reach a person, kept so that nothing is silently lost.
 *
 * @param conversationId pseudonymous conversation id (never the platform id); null when recording it would leave a
 *                       trace of a conversation meant to be gone
 * @param messageId      the {@link vn.motcua.message.OutboundMessage}'s own id
 * @param kind           what the failure means (see {@link SendError.Kind})
 * @param code           the platform's error code, or the HTTP status when the platform gave none
 * @param subcode        the platform's error subcode, 0 when none
 * @param reason         a short English explanation for operators and the transcript, without personal data
 * @param attempts       how many times the part that failed was tried
 */
public record FailedSend(Channel channel, String conversationId, String messageId, SendError.Kind kind, int code,
                         int subcode, String reason, int attempts, Instant at) {

    public static FailedSend of(Channel channel, String conversationId, String messageId, SendError error,
                                int attempts, Instant at) {
        return new FailedSend(channel, conversationId, messageId, error.kind(),
                error.code() != 0 ? error.code() : error.httpStatus(), error.subcode(), error.reason(), attempts, at);
    }

    /** True when retrying cannot help: anything but a temporary failure whose attempts ran out. */
    public boolean permanent() {
        return kind != SendError.Kind.TEMPORARY;
    }
}
