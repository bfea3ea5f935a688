package vn.motcua.outbox;

/** What happened to one outbound message. */
public record SendOutcome(boolean delivered, int attempts, FailedSend failure) {

    public static SendOutcome delivered(int attempts) {
        return new SendOutcome(true, attempts, null);
    }

    public static SendOutcome failed(FailedSend failure) {
        return new SendOutcome(false, failure.attempts(), failure);
    }
}
