package vn.motcua.channel.messenger;

/** The body is signed correctly but is not a Messenger webhook delivery. */
class MalformedWebhookException extends RuntimeException {

    MalformedWebhookException(String message) {
        super(message);
    }
}
