package vn.motcua.outbox;

import java.util.Optional;

/**
 * What happened to one outbound message.
 *
 * @param attempts how many times the last part tried was sent (the part that failed, when one did)
 * @param failure  why it was not delivered; null when it was
 */
public record SendOutcome(boolean delivered, int attempts, FailedSend failure) {

    public static SendOutcome delivered(int attempts) {
        return new SendOutcome(true, attempts, null);
    }

    public static SendOutcome failed(FailedSend failure) {
        return new SendOutcome(false, failure.attempts(), failure);
    }

    /** Why the message failed, in a few English words fit for the transcript; empty when it was delivered. */
    public Optional<String> reason() {
        return Optional.ofNullable(failure).map(FailedSend::reason);
    }

    /** What the failure means; empty when the message was delivered. */
    public Optional<SendError.Kind> kind() {
        return Optional.ofNullable(failure).map(FailedSend::kind);
    }
}
