package vn.motcua.bot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.dialogue.Action;
import vn.motcua.handoff.Escalations;
import vn.motcua.handoff.HandoffEvent;
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
     * @param events what the caseworkers' consoles must hear once the conversation is saved
     */
    record Outcome(Conversation conversation, boolean erased, List<OutboundMessage> messages,
                   List<HandoffEvent> events) {

        Outcome with(Conversation next) {
            return new Outcome(next, erased, messages, events);
        }
    }

    private final ConversationEraser eraser;
    private final Escalations escalations;
    private final QueuePlaces places;
    private final SubscriberStore subscribers;
    private final TextSealer sealer;
    private final Clock clock;

    ActionRunner(ConversationEraser eraser, Escalations escalations, QueuePlaces places, SubscriberStore subscribers,
                 TextSealer sealer, Clock clock) {
        this.eraser = eraser;
        this.escalations = escalations;
        this.places = places;
        this.subscribers = subscribers;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Carries out the actions. The replies' ids are {@code out-<turnKey>-<n>}, n counting from 1: a turn run again for
     * the same event (an entry taken over after a crash) decides the same ids, and the outbox sends each id once.
     */
    Mono<Outcome> run(Conversation conversation, List<Action> actions, ReplyAddress to, String turnKey) {
        Mono<Outcome> outcome = Mono.just(new Outcome(conversation, false, new ArrayList<>(), new ArrayList<>()));
        AtomicInteger replies = new AtomicInteger();
        for (Action action : actions) {
            outcome = outcome.flatMap(current -> apply(current, action, to,
                    () -> "out-" + turnKey + "-" + replies.incrementAndGet()));
        }
        return outcome;
    }

    private Mono<Outcome> apply(Outcome current, Action action, ReplyAddress to, Supplier<String> replyId) {
        Conversation conversation = current.conversation();
        if (action instanceof Action.Reply reply) {
            String written = reply.answer().text();
            Mono<String> text = QueuePlaces.needs(written)
                    ? places.fill(conversation.id(), written, reply.answer().english()) : Mono.just(written);
            return text.map(said -> {
                // A reply after an erasure is the conversation's last word: the web chat ends its session after it.
                OutboundMessage message = new OutboundMessage(replyId.get(), conversation.id(), to,
                        Purpose.RESPONSE, Intents.isCrisis(reply.intent()), said, reply.answer().quickReplies(),
                        current.erased(), current.messages().isEmpty());
                current.messages().add(message);
                return current.erased() ? current : current.with(conversation.withTurn(Turn.outgoing(Speaker.BOT,
                        sealer.seal(said), reply.label(), clock.instant(), message.messageId())));
            });
        }
        if (action instanceof Action.Escalate escalate) {
            return escalations.escalate(conversation, escalate.priority(), escalate.reason()).map(escalated -> {
                current.events().addAll(escalated.events());
                return current.with(escalated.conversation());
            });
        }
        if (action instanceof Action.OffDutyTold) {
            return Mono.just(current.with(conversation.withOffDutyTold(clock.instant())));
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
            return eraser.erase(conversation.id())
                    .thenReturn(new Outcome(conversation, true, current.messages(), current.events()));
        }
        throw new IllegalArgumentException("Unknown action " + action.getClass().getSimpleName());
    }
}
