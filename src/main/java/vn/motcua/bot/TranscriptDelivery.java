package vn.motcua.bot;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.handoff.HandoffEvent;
import vn.motcua.handoff.HandoffEvents;
import vn.motcua.message.OutboundMessage;
import vn.motcua.outbox.DeliveryReport;
import vn.motcua.outbox.SendOutcome;

/**
 * Writes each message's fate on the transcript — delivered, or failed and why — under the conversation's lock like
 * every other write, and tells the consoles. A conversation erased meanwhile stays erased: nothing is created for a
 * report.
 */
@Component
class TranscriptDelivery implements DeliveryReport {

    private final ConversationLock lock;
    private final ConversationStore conversations;
    private final HandoffEvents events;

    TranscriptDelivery(ConversationLock lock, ConversationStore conversations, HandoffEvents events) {
        this.lock = lock;
        this.conversations = conversations;
        this.events = events;
    }

    @Override
    public Mono<Void> report(OutboundMessage message, SendOutcome outcome) {
        String reason = outcome.reason().orElse(null);
        return lock.withLock(message.conversationId(), () -> conversations.find(message.conversationId())
                .flatMap(conversation -> conversations.save(
                        conversation.withDelivery(message.messageId(), outcome.delivered(), reason)).thenReturn(true)))
                // The consoles show the new status at once.
                .flatMap(saved -> events.publish(new HandoffEvent.MessageChanged(message.conversationId(),
                        message.messageId())));
    }
}
