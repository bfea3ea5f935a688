package vn.motcua.outbox;

import java.time.Instant;
import vn.motcua.message.Channel;

/**
 * A message that did not reach a person, kept so that nothing is silently lost.
 *
 * @param conversationId pseudonymous conversation id (never the platform id)
 * @param code           the platform's error code, or the HTTP status when the platform gave none
 * @param subcode        the platform's error subcode, 0 when none
 * @param reason         a short English explanation for operators
 * @param permanent      true when retrying cannot help (window closed, person unavailable, bad token)
 * @param attempts       how many times it was tried
 */
public record FailedSend(Channel channel, String conversationId, int code, int subcode, String reason,
                         boolean permanent, int attempts, Instant at) {
}
