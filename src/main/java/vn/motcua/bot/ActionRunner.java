package vn.motcua.bot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.dialogue.Action;
import vn.motcua.handoff.Escalation;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.ReplyAddress;
import vn.motcua.nlu.Intents;
import vn.motcua.privacy.TextSealer;

/**
 * Carries out a turn's actions in order: escalations, opt-ins and erasure at once; replies are only decided here —
 * recorded on the transcript as pending and returned as outbound messages, which the turn hands to the outbox after
 * saving. Nothing here waits on a platform.
 */
@Component
class ActionRunner {

    /**
     * The conversation as the actions leave it, and what to send.
     *
     * @param erased true when the conversation was erased: nothing may be stored any more
     */
    record Outcome(Conversation conversation, boolean erased, List<OutboundMessage> messages) {

        Outcome with(Conversation next) {
            return new Outcome(next, erased, messages);
        }
    }

    private final ConversationEraser eraser;
    private final HandoffQueue handoff;
    private final SubscriberStore subscribers;
    private final TextSealer sealer;

    ActionRunner(ConversationEraser eraser, HandoffQueue handoff, SubscriberStore subscribers, TextSealer sealer) {
        this.eraser = eraser;
        this.handoff = handoff;
        this.subscribers = subscribers;
        this.sealer = sealer;
    }

    Mono<Outcome> run(Conversation conversation, List<Action> actions, ReplyAddress to) {
        Mono<Outcome> outcome = Mono.just(new Outcome(conversation, false, new ArrayList<>()));
        for (Action action : actions) {
            outcome = outcome.flatMap(current -> apply(current, action, to));
        }
        return outcome;
    }

    private Mono<Outcome> apply(Outcome current, Action action, ReplyAddress to) {
        Conversation conversation = current.conversation();
        if (action instanceof Action.Reply reply) {
            // A reply after an erasure is the conversation's last word: the web chat ends its session after it.
            OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), conversation.id(), to,
                    Purpose.RESPONSE, Intents.isCrisis(reply.intent()), reply.answer().text(),
                    reply.answer().quickReplies(), current.erased(), current.messages().isEmpty());
            current.messages().add(message);
            return Mono.just(current.erased() ? current : current.with(conversation.withTurn(Turn.outgoing(Speaker.BOT,
                    sealer.seal(reply.answer().text()), reply.label(), Instant.now(), message.messageId()))));
        }
        if (action instanceof Action.Escalate escalate) {
            return handoff
                    .escalate(new Escalation(conversation.id(), escalate.priority(), escalate.reason(), Instant.now()))
                    .map(e -> current.with(conversation.escalated(e.priority())));
        }
        if (action instanceof Action.Subscribe subscribe) {
            return subscribers.subscribe(conversation.id(), conversation.channel(), subscribe.sendToken())
                    .thenReturn(current);
        }
        if (action instanceof Action.Unsubscribe) {
            return subscribers.unsubscribe(conversation.id()).thenReturn(current);
        }
        if (action instanceof Action.Erase) {
            // Messages decided before the erasure in this same turn are dropped with everything else.
            current.messages().clear();
            return eraser.erase(conversation.id()).thenReturn(new Outcome(conversation, true, current.messages()));
        }
        throw new IllegalArgumentException("Unknown action " + action.getClass().getSimpleName());
    }
}
