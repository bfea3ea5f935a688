package vn.motcua.bot;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.conversation.ConversationStore;

/**
 * Erases everything stored about one conversation (DESIGN §6.4): its turns, its place in the caseworker queue,
 * its opt-in, any note that it cannot be reached and the record of messages that failed to reach it. Every channel's "erase" path comes through here, so a new store
 * is added to erasure in one place.
 */
@Component
public class ConversationEraser {

    private final ConversationStore conversations;
    private final HandoffQueue handoff;
    private final SubscriberStore subscribers;
    private final ReachabilityStore reachability;
    private final FailedSendLog failures;

    public ConversationEraser(ConversationStore conversations, HandoffQueue handoff, SubscriberStore subscribers,
                              ReachabilityStore reachability, FailedSendLog failures) {
        this.conversations = conversations;
        this.handoff = handoff;
        this.subscribers = subscribers;
        this.reachability = reachability;
        this.failures = failures;
    }

    public Mono<Void> erase(String conversationId) {
        return conversations.delete(conversationId)
                .then(handoff.remove(conversationId))
                .then(subscribers.unsubscribe(conversationId))
                .then(reachability.markReachable(conversationId))
                .then(failures.forget(conversationId));
    }
}
