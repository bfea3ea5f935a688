package vn.motcua.bot;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.dialogue.Decision;
import vn.motcua.dialogue.DialoguePolicy;
import vn.motcua.dialogue.Payloads;
import vn.motcua.inbox.InboundEventHandler;
import vn.motcua.nlu.MessageParser;
import vn.motcua.nlu.Parse;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Turn;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.outbox.Outbox;

/**
 * Runs one turn: load the conversation, understand the event, ask the dialogue policy once, carry out the actions,
 * save what the decision says to remember. While a caseworker owns the conversation, or another app owns the
 * Messenger thread, the policy only listens: what was written is recorded and the bot stays silent.
 */
@Component
class TurnHandler implements InboundEventHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnHandler.class);

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

    TurnHandler(ConversationStore conversations, MessageParser parser, DialoguePolicy policy, ActionRunner runner,
                PseudonymousIds ids, TextSealer sealer, MeterRegistry meters, ReachabilityStore reachability,
                ConversationLock lock, Outbox outbox, SealedAddresses addresses) {
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
    }

    /**
     * One turn, as one writer: under the conversation's lock, load, decide, save with the replies recorded as pending,
     * and hand the replies to the outbox. Sending happens after, outside the lock.
     */
    @Override
    public Mono<Void> handle(InboundEvent event) {
        String id = ids.conversationId(event.channel().id(), event.from().userId());
        return lock.withLock(id, () -> conversations.find(id)
                .switchIfEmpty(Mono.fromSupplier(() -> Conversation.start(id, event.channel(),
                        addresses.seal(event.from()), Instant.now())))
                .flatMap(conversation -> updateReachability(id, event)
                        .then(Mono.defer(() -> turn(conversation, event)))));
    }

    /** Saves what the actions left (unless they erased it), then queues the replies they decided. */
    private Mono<Void> finish(ActionRunner.Outcome outcome) {
        Mono<Void> saved = outcome.erased() ? Mono.empty() : conversations.save(outcome.conversation());
        return saved.then(send(outcome));
    }

    private Mono<Void> send(ActionRunner.Outcome outcome) {
        return outcome.messages().isEmpty() ? Mono.empty() : outbox.enqueue(outcome.messages());
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

    private Mono<Void> turn(Conversation conversation, InboundEvent event) {
        if (event.content() instanceof InboundContent.CaseworkerEcho echo) {
            // Someone on our side answered in the platform's own inbox: keep it in the record (the platform has
            // delivered it already); the bot says nothing.
            return conversations.save(conversation.withTurn(
                    new Turn(Speaker.CASEWORKER, sealer.seal(echo.text()), null, Instant.now(), null,
                            Turn.Delivery.DELIVERED, null)));
        }
        String written = writtenText(event.content());
        Parse parse = understand(event.content(), written);
        Decision decision = policy.decide(DialogueViews.of(conversation, event.observed()), event.content(), parse);
        log.info("Turn in conversation {}: intent={} confidence={} actions={}", shortId(conversation.id()),
                parse == null ? "-" : parse.intent(), parse == null ? "-" : String.format("%.2f", parse.confidence()),
                decision.actions().stream().map(a -> a.getClass().getSimpleName()).toList());
        meters.counter("motcua.turns", "channel", event.channel().id(),
                "intent", decision.understood() == null ? "unclear" : decision.understood()).increment();
        if (!decision.recorded()) {
            // Not something the person said (an unfollow, an erasure): carry it out, store nothing new about them;
            // an erasure's own answer is still sent.
            return runner.run(conversation, decision.actions(), event.from()).flatMap(this::send);
        }
        // A typed button title is recorded as the choice it made, not as the words the classifier guessed.
        String understood = decision.understood() != null ? decision.understood()
                : parse == null ? null : parse.intent();
        Conversation decided = conversation
                .withTurn(new Turn(Speaker.PERSON, sealer.seal(written), understood, Instant.now()))
                .withMisunderstandings(decision.misunderstandings())
                .withPlace(decision.place())
                .withOffered(decision.offered());
        return runner.run(decided, decision.actions(), event.from())
                .flatMap(this::finish);
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
