package vn.motcua.bot;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.Senders;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.ReplyAddress;
import vn.motcua.dialogue.Action;
import vn.motcua.handoff.Escalation;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.nlu.Intents;
import vn.motcua.privacy.TextSealer;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Turn;

/** Carries out a turn's actions in order: replies through the person's channel, escalations, opt-ins, erasure. */
@Component
class ActionRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    /** The conversation as the actions leave it; {@code erased} means nothing may be stored any more. */
    record Outcome(Conversation conversation, boolean erased) {
    }

    private final Senders channels;
    private final ConversationEraser eraser;
    private final HandoffQueue handoff;
    private final SubscriberStore subscribers;
    private final TextSealer sealer;

    ActionRunner(Senders channels, ConversationEraser eraser, HandoffQueue handoff,
                 SubscriberStore subscribers, TextSealer sealer) {
        this.channels = channels;
        this.eraser = eraser;
        this.handoff = handoff;
        this.subscribers = subscribers;
        this.sealer = sealer;
    }

    Mono<Outcome> run(Conversation conversation, List<Action> actions, ReplyAddress to) {
        Mono<Outcome> outcome = Mono.just(new Outcome(conversation, false));
        for (Action action : actions) {
            outcome = outcome.flatMap(current -> apply(current, action, to));
        }
        return outcome;
    }

    private Mono<Outcome> apply(Outcome current, Action action, ReplyAddress to) {
        Conversation conversation = current.conversation();
        if (action instanceof Action.Reply reply) {
            return send(conversation, reply, to).map(sent -> current.erased()
                    ? current
                    : new Outcome(conversation.withTurn(new Turn(Speaker.BOT, sealer.seal(reply.answer().text()),
                            reply.intent(), Instant.now())), false));
        }
        if (action instanceof Action.Escalate escalate) {
            return handoff
                    .escalate(new Escalation(conversation.id(), escalate.priority(), escalate.reason(), Instant.now()))
                    .map(e -> new Outcome(conversation.escalated(e.priority()), current.erased()));
        }
        if (action instanceof Action.Subscribe subscribe) {
            return subscribers.subscribe(conversation.id(), conversation.channel(), subscribe.sendToken())
                    .thenReturn(current);
        }
        if (action instanceof Action.Unsubscribe) {
            return subscribers.unsubscribe(conversation.id()).thenReturn(current);
        }
        if (action instanceof Action.Erase) {
            return eraser.erase(conversation.id()).thenReturn(new Outcome(conversation, true));
        }
        throw new IllegalArgumentException("Unknown action " + action.getClass().getSimpleName());
    }

    private Mono<Boolean> send(Conversation conversation, Action.Reply reply, ReplyAddress to) {
        Sender client = channels.forChannel(to.channel()).orElse(null);
        if (client == null) {
            log.warn("No client is switched on for {}: a reply was not sent", to.channel().id());
            return Mono.just(false);
        }
        OutboundMessage message = new OutboundMessage(java.util.UUID.randomUUID().toString(), conversation.id(), to,
                vn.motcua.message.Purpose.RESPONSE, Intents.isCrisis(reply.intent()), reply.answer().text(),
                reply.answer().quickReplies());
        // Nothing, not even the typing indicator, may delay a crisis answer.
        Mono<Void> typing = Intents.isCrisis(reply.intent()) ? Mono.empty() : client.showTyping(to);
        return typing.then(client.send(message)).map(outcome -> outcome.delivered());
    }
}
