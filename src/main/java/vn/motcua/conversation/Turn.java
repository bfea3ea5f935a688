package vn.motcua.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a conversation.
 *
 * @param sealedText the text, encrypted (DESIGN §7); null for non-text events
 * @param intent     what the bot understood (person), or which answer it gave (bot): the intent of its own answer, or
 *                   {@code intent/variant} for another one ({@code legal_rights/no_contact}, {@code system/clarify});
 *                   or null
 * @param messageId  the turn's id; for a message sent to the person (bot or caseworker) its outbound id, by which its
 *                   delivery is reported
 * @param delivery   for a message sent to the person: whether it reached them; null for what the person wrote
 * @param failure    why it did not reach them, when {@code delivery} is FAILED (a short reason, no personal data)
 * @param author     for a caseworker's message: their sign-in name, or the platform inbox it was typed in; else null
 */
public record Turn(Speaker speaker, String sealedText, String intent, Instant at, String messageId, Delivery delivery,
                   String failure, String author) {

    /** What reached the person, as far as the platform told us. */
    public enum Delivery {
        /** Decided and saved, waiting in the outbox or being sent. */
        PENDING,
        /** The platform accepted it. */
        DELIVERED,
        /** It could not be delivered; {@code failure} says why. */
        FAILED
    }

    public Turn {
        messageId = messageId == null ? UUID.randomUUID().toString() : messageId;
    }

    public Turn(Speaker speaker, String sealedText, String intent, Instant at, String messageId, Delivery delivery,
                String failure) {
        this(speaker, sealedText, intent, at, messageId, delivery, failure, null);
    }

    /** Something the person wrote or did. */
    public Turn(Speaker speaker, String sealedText, String intent, Instant at) {
        this(speaker, sealedText, intent, at, null, null, null, null);
    }

    /** A message to the person, recorded before it is sent. */
    public static Turn outgoing(Speaker speaker, String sealedText, String intent, Instant at, String messageId) {
        return new Turn(speaker, sealedText, intent, at, messageId, Delivery.PENDING, null, null);
    }

    /** A caseworker's message to the person, recorded before it is sent. */
    public static Turn fromCaseworker(String author, String sealedText, Instant at, String messageId) {
        return new Turn(Speaker.CASEWORKER, sealedText, null, at, messageId, Delivery.PENDING, null, author);
    }

    public Turn delivered(boolean ok, String reason) {
        return new Turn(speaker, sealedText, intent, at, messageId, ok ? Delivery.DELIVERED : Delivery.FAILED,
                ok ? null : reason, author);
    }
}
