package vn.motcua.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.dialogue.Decision;
import vn.motcua.dialogue.DialoguePolicy;
import vn.motcua.dialogue.DialogueView;
import vn.motcua.dialogue.Payloads;
import vn.motcua.handoff.Escalations;
import vn.motcua.handoff.HandoffEvent;
import vn.motcua.handoff.HandoffEvents;
import vn.motcua.inbox.InboundEventHandler;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.nlu.MessageParser;
import vn.motcua.nlu.Parse;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;

/**
 * Runs one turn: load the conversation, understand the event, ask the dialogue policy once, carry out the actions,
 * save what the decision says to remember, then tell the caseworkers' consoles. While a caseworker owns the
 * conversation, or another app owns the Messenger thread, the policy only listens: what was written is recorded and
 * the bot stays silent.
 */
@Component
class TurnHandler implements InboundEventHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnHandler.class);
    /** The person is told that nobody is on duty at most once in this long. */
    static final Duration OFF_DUTY_NOTICE_EVERY = Duration.ofHours(24);

    private final ConversationStore conversations;
    private final MessageParser parser;
    private final DialoguePolicy policy;
    private final ActionRunner runner;
    private final PseudonymousIds ids;
    private final TextSealer sealer;
    private final MeterRegistry meters;
    private final ReachabilityStore reachability;
    private final ConversationLock lock;
    private final Outbox outbox;
    private final SealedAddresses addresses;
    private final Escalations escalations;
    private final HandoffEvents events;
    private final Clock clock;

    TurnHandler(ConversationStore conversations, MessageParser parser, DialoguePolicy policy, ActionRunner runner,
                PseudonymousIds ids, TextSealer sealer, MeterRegistry meters, ReachabilityStore reachability,
                ConversationLock lock, Outbox outbox, SealedAddresses addresses, Escalations escalations,
                HandoffEvents events, Clock clock) {
        this.lock = lock;
        this.outbox = outbox;
        this.addresses = addresses;
        this.conversations = conversations;
        this.parser = parser;
        this.policy = policy;
        this.runner = runner;
        this.ids = ids;
        this.sealer = sealer;
        this.meters = meters;
        this.reachability = reachability;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One turn, as one writer: under the conversation's lock, load, decide, save with the replies recorded as pending,
     * and hand the replies to the outbox. Sending happens after, outside the lock; the consoles hear of it after the
     * save.
     */
    @Override
    public Mono<Void> handle(InboundEvent event) {
        String id = ids.conversationId(event.channel().id(), event.from().userId());
        String turnKey = turnKey(event);
        return lock.withLock(id, () -> conversations.find(id)
                .switchIfEmpty(Mono.fromSupplier(() -> Conversation.start(id, event.channel(),
                        addresses.seal(event.from()), clock.instant())))
                // A closed case keeps no reply address: the person's new message brings it again.
                .map(conversation -> conversation.sealedAddress() != null ? conversation
                        : conversation.withAddress(addresses.seal(event.from())))
                .flatMap(conversation -> {
                    if (conversation.turn(personTurnId(turnKey)).isPresent()) {
                        // Delivered again (taken over from an instance that died after saving this turn): it was
                        // answered already, so it is only acknowledged.
                        meters.counter("motcua.turns.already_handled", "channel", event.channel().id()).increment();
                        return Mono.just(List.<HandoffEvent>of());
                    }
                    return updateReachability(id, event)
                            .then(Mono.defer(() -> turn(conversation, event, turnKey)));
                }))
                .flatMapMany(Flux::fromIterable)
                .concatMap(events::publish)
                .then();
    }

    /**
     * Queues the replies the actions decided, then saves what the actions left (unless they erased it). In this order
     * a crash between the two loses nothing: the event is delivered again, the turn runs again and decides the same
     * reply ids, and the outbox sends each id once. (Saved first, a crash in between would leave a saved turn whose
     * replies were never queued, and the redelivery would find the turn handled.)
     */
    private Mono<List<HandoffEvent>> finish(Conversation before, ActionRunner.Outcome outcome) {
        Mono<Void> saved = outcome.erased() ? Mono.empty() : conversations.save(outcome.conversation());
        return send(outcome).then(saved).thenReturn(outcome.erased() ? outcome.events()
                : announce(before, outcome.conversation(), outcome.events()));
    }

    /**
     * A keyed hash of the platform's event id: the person's turn is recorded as {@code in-<key>} and the replies are
     * {@code out-<key>-<n>}, so a redelivered event is recognised and a re-run turn decides the same reply ids.
     */
    private String turnKey(InboundEvent event) {
        return ids.hash("turn:" + event.eventId()).substring(0, 32);
    }

    private static String personTurnId(String turnKey) {
        return "in-" + turnKey;
    }

    private Mono<Void> send(ActionRunner.Outcome outcome) {
        return outcome.messages().isEmpty() ? Mono.empty() : outbox.enqueue(outcome.messages());
    }

    /** Every new message, what the actions raised, and a changed place in the queue: for the consoles. */
    private static List<HandoffEvent> announce(Conversation before, Conversation after, List<HandoffEvent> raised) {
        Set<String> known = before.turns().stream().map(Turn::messageId).collect(Collectors.toSet());
        List<HandoffEvent> all = new ArrayList<>();
        after.turns().stream().filter(t -> !known.contains(t.messageId()))
                .forEach(t -> all.add(new HandoffEvent.MessageChanged(after.id(), t.messageId())));
        all.addAll(raised);
        boolean queued = raised.stream().anyMatch(HandoffEvent.QueueChanged.class::isInstance);
        if (!queued && (after.state() != ConversationState.BOT || before.state() != after.state())) {
            // The last intent and the waiting time the console shows have changed.
            all.add(new HandoffEvent.QueueChanged(after.id()));
        }
        return all;
    }

    /** Unfollowing makes a person unreachable; anything they do themselves makes them reachable again. */
    private Mono<Void> updateReachability(String id, InboundEvent event) {
        if (event.content() instanceof InboundContent.Unfollow) {
            return reachability.markUnreachable(id, event.channel().id() + ": unfollowed");
        }
        if (event.content() instanceof InboundContent.CaseworkerEcho) {
            return Mono.empty();
        }
        return reachability.markReachable(id);
    }

    private Mono<List<HandoffEvent>> turn(Conversation conversation, InboundEvent event, String turnKey) {
        if (event.content() instanceof InboundContent.CaseworkerEcho echo) {
            // Someone on our side answered in the platform's own inbox: a person has the conversation now, the bot
            // says nothing, and the message is kept in the record (the platform has delivered it already).
            String owner = event.channel() == Channel.ZALO ? Conversation.ZALO_INBOX : Conversation.MESSENGER_INBOX;
            Turn said = new Turn(Speaker.CASEWORKER, sealer.seal(echo.text()), null,
                    clock.instant(), personTurnId(turnKey), Turn.Delivery.DELIVERED, null, owner);
            Mono<Conversation> owned = conversation.state() == ConversationState.WITH_HUMAN
                    && conversation.assignee() != null ? Mono.just(conversation)
                    : escalations.takenOver(conversation, owner).map(Escalations.Escalated::conversation);
            return owned.flatMap(next -> {
                Conversation recorded = next.withTurn(said);
                return conversations.save(recorded).thenReturn(announce(conversation, recorded, List.of()));
            });
        }
        boolean byThePerson = !(event.content() instanceof InboundContent.Erase)
                && !(event.content() instanceof InboundContent.Unfollow);
        Mono<Conversation> current = conversation.state() == ConversationState.CLOSED && byThePerson
                ? escalations.reopened(conversation) : Mono.just(conversation);
        return current.zipWith(escalations.onDuty())
                .flatMap(both -> decideAndAct(conversation, both.getT1(), both.getT2(), event, turnKey));
    }

    private Mono<List<HandoffEvent>> decideAndAct(Conversation before, Conversation conversation, boolean onDuty,
                                                  InboundEvent event, String turnKey) {
        String written = writtenText(event.content());
        Parse parse = understand(event.content(), written);
        // Back from a closed case, the bot says again that it is an automated assistant (DESIGN §6.2).
        boolean returning = before.state() == ConversationState.CLOSED;
        DialogueView view = DialogueViews.of(conversation, event.observed(), duty(conversation, onDuty), returning);
        Decision decision = policy.decide(view, event.content(), parse);
        log.info("Turn in conversation {}: intent={} confidence={} actions={}", shortId(conversation.id()),
                parse == null ? "-" : parse.intent(), parse == null ? "-" : String.format("%.2f", parse.confidence()),
                decision.actions().stream().map(a -> a.getClass().getSimpleName()).toList());
        meters.counter("motcua.turns", "channel", event.channel().id(),
                "intent", decision.understood() == null ? "unclear" : decision.understood()).increment();
        if (!decision.recorded()) {
            // Not something the person said (an unfollow, an erasure): carry it out, store nothing new about them;
            // an erasure's own answer is still sent.
            return runner.run(conversation, decision.actions(), event.from(), turnKey)
                    .flatMap(outcome -> send(outcome).thenReturn(outcome.events()));
        }
        // A typed button title is recorded as the choice it made, not as the words the classifier guessed.
        String understood = decision.understood() != null ? decision.understood()
                : parse == null ? null : parse.intent();
        Conversation decided = conversation
                .withTurn(new Turn(Speaker.PERSON, sealer.seal(written), understood,
                        clock.instant(), personTurnId(turnKey), null, null, null))
                .withMisunderstandings(decision.misunderstandings())
                .withPlace(decision.place())
                .withOffered(decision.offered());
        return runner.run(decided, decision.actions(), event.from(), turnKey)
                .flatMap(outcome -> finish(before, outcome));
    }

    /** Whether a quick answer may be promised, and whether "nobody is on duty" was said in the last day. */
    private DialogueView.Duty duty(Conversation conversation, boolean onDuty) {
        if (onDuty) {
            return DialogueView.Duty.ON_DUTY;
        }
        Instant told = conversation.offDutyToldAt();
        return told != null && told.plus(OFF_DUTY_NOTICE_EVERY).isAfter(clock.instant())
                ? DialogueView.Duty.OFF_DUTY_TOLD : DialogueView.Duty.OFF_DUTY;
    }

    /** Typed words go to the parser; our intent buttons are certain; our other buttons need no parse. */
    private Parse understand(InboundContent content, String written) {
        if (content instanceof InboundContent.Text) {
            return parser.parse(written);
        }
        String payload = payloadOf(content);
        if (payload == null) {
            return null;
        }
        if (Payloads.isSafetyAnswer(payload) || Payloads.isEraseAnswer(payload)) {
            return null;
        }
        return Payloads.intentOf(payload).map(Parse::certain)
                .orElseGet(() -> written == null ? null : parser.parse(written));
    }

    private static String payloadOf(InboundContent content) {
        if (content instanceof InboundContent.QuickReply reply) {
            return reply.payload();
        }
        if (content instanceof InboundContent.Postback postback) {
            return postback.payload();
        }
        return null;
    }

    private static String writtenText(InboundContent content) {
        if (content instanceof InboundContent.Text text) {
            return text.text();
        }
        if (content instanceof InboundContent.QuickReply reply) {
            return reply.text();
        }
        if (content instanceof InboundContent.Postback postback) {
            return postback.title();
        }
        return null;
    }

    private static String shortId(String id) {
        return id.substring(0, 8);
    }
}
