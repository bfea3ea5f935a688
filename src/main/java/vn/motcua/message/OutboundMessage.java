package vn.motcua.message;

import java.util.List;

/**
 * A message to one person, in the channel-neutral form each {@link Sender} renders within its platform's limits.
 *
 * @param conversationId pseudonymous id, so a failure can be recorded against the conversation without the platform id
 */
public record OutboundMessage(String conversationId, ReplyAddress to, String text, List<QuickReplyOption> quickReplies) {

    public OutboundMessage {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }
}
