package vn.motcua.message;

import java.util.List;
import java.util.UUID;

/**
 * A message to one person, in the channel-neutral form each sender renders within its platform's limits.
 *
 * @param messageId      this message's own id: the transcript tracks its delivery by it, and a redelivery after a
 *                       crash is recognised by it
 * @param conversationId pseudonymous id, so a failure can be recorded against the conversation without the platform id
 * @param purpose        why it is sent, which decides how the platform is asked to deliver it
 * @param urgent         a crisis answer: it goes before anything else waiting, and nothing (not even a typing
 *                       indicator) delays it
 * @param endsConversation the last message of a conversation that was just erased: a channel that holds a session
 *                       for the person (the web chat) closes it once this is delivered
 * @param firstOfTurn    the first message of what was decided at once: a channel may show a typing indicator before
 *                       it, and before it only (each indicator is a platform call the reply waits for)
 */
public record OutboundMessage(String messageId, String conversationId, ReplyAddress to, Purpose purpose,
                              boolean urgent, String text, List<QuickReplyOption> quickReplies,
                              boolean endsConversation, boolean firstOfTurn) {

    public OutboundMessage {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        purpose = purpose == null ? Purpose.RESPONSE : purpose;
    }

    public OutboundMessage(String messageId, String conversationId, ReplyAddress to, Purpose purpose, boolean urgent,
                           String text, List<QuickReplyOption> quickReplies) {
        this(messageId, conversationId, to, purpose, urgent, text, quickReplies, false, true);
    }

    /** A bot reply with a fresh id. */
    public static OutboundMessage response(String conversationId, ReplyAddress to, String text,
                                           List<QuickReplyOption> quickReplies) {
        return new OutboundMessage(UUID.randomUUID().toString(), conversationId, to, Purpose.RESPONSE, false, text,
                quickReplies);
    }

    /** Never print the text: logs must not carry message text. */
    @Override
    public String toString() {
        return "OutboundMessage[" + messageId + ", " + purpose + (urgent ? ", urgent" : "") + "]";
    }
}
