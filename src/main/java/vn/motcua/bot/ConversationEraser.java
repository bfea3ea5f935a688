package vn.motcua.bot;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.handoff.ConversationErasure;
import vn.motcua.handoff.Escalations;
import vn.motcua.handoff.HandoffEvent;
import vn.motcua.handoff.HandoffEvents;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.outbox.Outbox;

/**
 * Erases everything stored about one conversation (DESIGN §6.4): its turns, its place in the caseworker queue, what
 * caseworkers wrote about it (notes, referrals; the audit log keeps who did what but no longer names it), its opt-in, any note that it cannot be reached and the record of messages that failed to reach it. Every
 * channel's "erase" path comes through here, so a new store is added to erasure in one place. Callers hold the
 * conversation's lock. Messages still waiting in the outbox are discarded too, so nothing decided before the
 * erasure reaches the person after it.
 */
@Component
class ConversationEraser implements ConversationErasure {

    private final ConversationStore conversations;
    private final Escalations handoff;
    private final HandoffEvents events;
    private final SubscriberStore subscribers;
    private final ReachabilityStore reachability;
    private final FailedSendLog failures;
    private final Outbox outbox;

    ConversationEraser(ConversationStore conversations, Escalations handoff, HandoffEvents events,
                       SubscriberStore subscribers, ReachabilityStore reachability, FailedSendLog failures,
                       Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
        this.conversations = conversations;
        this.handoff = handoff;
        this.subscribers = subscribers;
        this.reachability = reachability;
        this.failures = failures;
    }

    @Override
    public Mono<Void> erase(String conversationId) {
        return outbox.discard(conversationId)
                .then(conversations.delete(conversationId))
                .then(handoff.forget(conversationId))
                .then(subscribers.unsubscribe(conversationId))
                .then(reachability.markReachable(conversationId))
                .then(failures.forget(conversationId))
                // Consoles showing it drop it from their lists.
                .then(events.publish(new HandoffEvent.QueueChanged(conversationId)));
    }
}
