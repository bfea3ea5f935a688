package vn.motcua.bot;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.message.OutboundMessage;
import vn.motcua.outbox.DeliveryReport;
import vn.motcua.outbox.SendOutcome;

/**
 * Writes each message's fate on the transcript — delivered, or failed and why — under the conversation's lock like
 * every other write. A conversation erased meanwhile stays erased: nothing is created for a report.
 */
@Component
class TranscriptDelivery implements DeliveryReport {

    private final ConversationLock lock;
    private final ConversationStore conversations;

    TranscriptDelivery(ConversationLock lock, ConversationStore conversations) {
        this.lock = lock;
        this.conversations = conversations;
    }

    @Override
    public Mono<Void> report(OutboundMessage message, SendOutcome outcome) {
        String reason = outcome.reason().orElse(null);
        return lock.withLock(message.conversationId(), () -> conversations.find(message.conversationId())
                .flatMap(conversation -> conversations.save(
                        conversation.withDelivery(message.messageId(), outcome.delivered(), reason))));
    }
}
