package vn.motcua.handoff;

import vn.motcua.conversation.ConversationState;
import vn.motcua.message.Channel;
import vn.motcua.message.Priority;

/**
 * One conversation as the console's queue shows it. Never any platform profile data.
 *
 * @param waitingSeconds how long the person has waited: for a place in the queue while WAITING_FOR_HUMAN, for an
 *                       answer while WITH_HUMAN (0 once someone answered their last message)
 * @param lastIntent     what the bot last understood from the person, or null
 * @param overdue        waiting past its alert time
 */
public record QueueItem(String id, Channel channel, ConversationState state, Priority priority, long waitingSeconds,
                        String lastIntent, String assignee, boolean overdue, ReplyWindow replyWindow) {
}
