package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.Parse;

/**
 * The bot's policy: (what it sees of the conversation, what the person sent, what that meant) → one decision. Safety
 * comes first: a crisis gets its answer before anything else and is escalated at CRITICAL priority, whatever the
 * classifier's confidence, and even when the person typed the title of a button (DESIGN §6).
 */
@Component
public class DialoguePolicy {

    /** Intents in which a person tells what happened to them: the first time, the bot asks if it is safe to talk. */
    private static final Set<String> DISCLOSURES = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.SEXUAL_VIOLENCE,
            Intents.CHILD_ABUSE);
    private static final int CLARIFY_OPTIONS = 3;
    private static final int MISUNDERSTANDINGS_BEFORE_OFFER = 2;
    /** The reason of an escalation after repeated misunderstandings (not an intent: nothing was understood). */
    public static final String MISUNDERSTOOD = "misunderstood";

    private final AnswerBook answers;
    private final AnswerComposer composer;

    public DialoguePolicy(AnswerBook answers, AnswerComposer composer) {
        this.answers = answers;
        this.composer = composer;
    }

    /**
     * Decides one turn.
     *
     * @param view    the conversation as it was before this event
     * @param content what the person sent or did
     * @param parse   what the message meant: of the typed text, of a button's title, or certain for one of our
     *                {@code INTENT:} buttons; null when there was nothing to understand (a picture, a follow, our
     *                other buttons)
     */
    public Decision decide(DialogueView view, InboundContent content, Parse parse) {
        if (content instanceof InboundContent.Erase erase) {
            return erase(view, erase.quietly());
        }
        if (content instanceof InboundContent.Unfollow) {
            // No awareness message may reach them any more, and nothing is said (it could not arrive).
            return new Decision(null, List.of(new Action.Unsubscribe()), view.misunderstandings(), view.place(),
                    view.offered(), false);
        }
        if (view.someoneElseAnswers() || content instanceof InboundContent.CaseworkerEcho) {
            return listen(view, parse);
        }
        if (isCrisis(parse)) {
            return understood(view, parse, null);
        }
        Decision chosen = choice(view, chosenPayload(view, content));
        if (chosen != null) {
            return chosen;
        }
        if (content instanceof InboundContent.Attachment) {
            return attachment(view);
        }
        if (content instanceof InboundContent.Referral) {
            return decision(null, List.of(reply(AnswerName.REFERRAL_WELCOME)), 0, view);
        }
        if (content instanceof InboundContent.Follow) {
            // The person followed our account (Zalo "quan tâm"): welcome them and say what the bot is.
            return decision(null, List.of(reply(AnswerName.FOLLOW_WELCOME)), 0, view);
        }
        if (content instanceof InboundContent.OptIn optIn) {
            return decision(Intents.SUBSCRIBE, List.of(new Action.Subscribe(optIn.token()),
                    reply(AnswerName.OPTIN_CONFIRMED)), 0, view);
        }
        String written = content instanceof InboundContent.Text text ? text.text() : null;
        // Nothing to understand at all (a button of someone else's without a title): say what the bot can help with.
        return understood(view, parse == null ? Parse.certain(Intents.OUT_OF_SCOPE) : parse, written);
    }

    /** The parser marks a crisis unsure only when the message names a place and no danger phrase. */
    private static boolean isCrisis(Parse parse) {
        return parse != null && Intents.isCrisis(parse.intent()) && !parse.lowConfidence();
    }

    /** The payload of the button tapped, or of the offered choice whose title the person typed; null for neither. */
    private static String chosenPayload(DialogueView view, InboundContent content) {
        if (content instanceof InboundContent.QuickReply reply) {
            return reply.payload();
        }
        if (content instanceof InboundContent.Postback postback) {
            return postback.payload();
        }
        if (content instanceof InboundContent.Text text) {
            return OfferedChoices.typed(view.offered(), text.text()).map(QuickReplyOption::payload).orElse(null);
        }
        return null;
    }

    /** One of our own buttons; null when the payload is none of ours (its title is then read as words). */
    private Decision choice(DialogueView view, String payload) {
        if (payload == null) {
            return null;
        }
        if (Payloads.isEraseAnswer(payload)) {
            return eraseAnswer(view, Payloads.ERASE_CONFIRM.equals(payload));
        }
        if (Payloads.isSafetyAnswer(payload)) {
            // The person answered "is it safe for you to talk now?".
            AnswerName answer = Payloads.SAFE_YES.equals(payload) ? AnswerName.SAFE_YES : AnswerName.SAFE_NO;
            return decision(null, List.of(reply(answer)), 0, view);
        }
        return Payloads.intentOf(payload).map(intent -> understood(view, Parse.certain(intent), null)).orElse(null);
    }

    /**
     * A message the NLU understood, or a button carrying an intent.
     *
     * @param written what the person typed: it picks the most fitting answer of an intent (a question about fines
     *                gets the fines answer); null for a button
     */
    private Decision understood(DialogueView view, Parse parse, String written) {
        List<Action> actions = new ArrayList<>();
        String intent = parse.intent();
        String named = parse.location() == null ? null : parse.location().district();
        String place = named != null ? named : view.place();
        if (isCrisis(parse)) {
            actions.add(reply(AnswerName.of(intent).orElseThrow()));
            actions.addAll(escalate(view, Priority.CRITICAL, intent));
            if (view.firstContact()) {
                actions.add(reply(AnswerName.DISCLOSURE));
            }
            return decision(intent, actions, 0, place, view);
        }
        if (view.firstContact() && !Intents.GREETING.equals(intent)) {
            actions.add(reply(AnswerName.DISCLOSURE));
        }
        if (named != null && isOnlyAPlace(parse)) {
            // "tôi ở Gò Vấp": after a list of services, the same answer again, nearest to that place first;
            // otherwise the place is kept for the services asked about next.
            Optional<AnswerName> narrowed = servicesAnswer(view.topic());
            actions.add(narrowed.isPresent() ? reply(narrowed.get(), place) : reply(AnswerName.PLACE_NOTED));
            return decision(narrowed.map(AnswerName::intent).orElse(null), actions, 0, place, view);
        }
        if (parse.lowConfidence()) {
            int misunderstandings = view.misunderstandings() + 1;
            if (misunderstandings > MISUNDERSTANDINGS_BEFORE_OFFER && !view.waitingForHuman()) {
                // Offered a caseworker and still not understood: a person looks at it (NORMAL priority).
                actions.addAll(escalate(view, Priority.NORMAL, MISUNDERSTOOD));
                return decision(null, actions, misunderstandings, place, view);
            }
            actions.add(misunderstandings >= MISUNDERSTANDINGS_BEFORE_OFFER
                    ? reply(AnswerName.OFFER_CASEWORKER)
                    : clarify(parse));
            return decision(null, actions, misunderstandings, place, view);
        }
        actions.addAll(forIntent(view, intent, place, answers.variantFor(intent, written)));
        if (DISCLOSURES.contains(intent) && view.heard().stream().noneMatch(DISCLOSURES::contains)) {
            actions.add(reply(AnswerName.SAFE_TO_TALK));
        }
        return decision(intent, actions, 0, place, view);
    }

    /** A message that names a place and nothing the classifier is sure of ("tôi ở Gò Vấp", "q7"). */
    private static boolean isOnlyAPlace(Parse parse) {
        return parse.lowConfidence() || Intents.OUT_OF_SCOPE.equals(parse.intent()) || Intents.GREETING.equals(parse.intent());
    }

    /** The answer of the bot's latest topic, if that answer listed services. */
    private Optional<AnswerName> servicesAnswer(String topic) {
        return AnswerName.of(topic).filter(name -> answers.get(name.intent(), name.variant()).services() != null);
    }

    /** A picture, voice message, sticker or file: the bot reads text only. */
    private Decision attachment(DialogueView view) {
        List<Action> actions = new ArrayList<>();
        if (view.firstContact()) {
            actions.add(reply(AnswerName.DISCLOSURE));
        }
        actions.add(reply(AnswerName.ATTACHMENT_UNSUPPORTED));
        return decision(null, actions, view.misunderstandings(), view);
    }

    /** Someone else is answering: the bot says nothing, but a crisis still raises the alarm (DESIGN §5, §6.1). */
    private static Decision listen(DialogueView view, Parse parse) {
        List<Action> actions = parse != null && Intents.isCrisis(parse.intent())
                ? List.of(new Action.Escalate(Priority.CRITICAL, parse.intent()))
                : List.of();
        return new Decision(null, actions, view.misunderstandings(), view.place(), view.offered(), true);
    }

    /**
     * Erasure asked for outside the chat (the web chat's erase button): done at once, from any state. {@code quietly}:
     * the channel already told the person and nobody is left to answer.
     */
    private Decision erase(DialogueView view, boolean quietly) {
        if (quietly) {
            return new Decision(Intents.DELETE_DATA, List.of(new Action.Erase()), 0, null, List.of(), false);
        }
        Decision erased = eraseAnswer(view, true);
        return new Decision(erased.understood(), erased.actions(), 0, null, List.of(), false);
    }

    /** The person answered the erase question. */
    private Decision eraseAnswer(DialogueView view, boolean confirmed) {
        if (confirmed) {
            // How to delete what is left on the person's side depends on where they wrote from.
            AnswerName done = view.channel() == Channel.WEBCHAT ? AnswerName.DELETE_DATA_DONE_WEBCHAT
                    : AnswerName.DELETE_DATA_DONE;
            return decision(Intents.DELETE_DATA, List.of(new Action.Erase(), reply(done)), 0, view);
        }
        return decision(Intents.DELETE_DATA, List.of(reply(AnswerName.DELETE_DATA_CANCELLED)), 0, view);
    }

    private List<Action> forIntent(DialogueView view, String intent, String place, String variant) {
        return switch (intent) {
            case Intents.HUMAN_AGENT -> humanAgent(view);
            case Intents.DELETE_DATA -> List.of(reply(AnswerName.DELETE_DATA_CONFIRM));
            case Intents.SUBSCRIBE -> List.of(new Action.Subscribe(null), reply(AnswerName.SUBSCRIBE));
            case Intents.UNSUBSCRIBE -> List.of(new Action.Unsubscribe(), reply(AnswerName.UNSUBSCRIBE));
            case Intents.CHILD_ABUSE, Intents.SEXUAL_VIOLENCE, Intents.SHELTER -> {
                List<Action> high = new ArrayList<>(List.of(reply(intent, variant, place)));
                high.addAll(escalate(view, Priority.HIGH, intent));
                yield high;
            }
            default -> List.of(reply(intent, variant, place));
        };
    }

    private List<Action> humanAgent(DialogueView view) {
        if (view.waitingForHuman()) {
            return List.of(reply(AnswerName.HUMAN_AGENT_ALREADY_WAITING));
        }
        return escalate(view, Priority.NORMAL, Intents.HUMAN_AGENT);
    }

    /**
     * Asks for a caseworker and, the first time, tells the person honestly what happens next: that a caseworker was
     * told, their place in the queue and the likely wait (the turn fills in {@code {position}} and {@code {wait}}),
     * the hotlines; a quick answer is promised only when someone is on duty, and that nobody is on duty is said at
     * most once a day. Escalate first: the reply says a caseworker has been told, so that must already be true.
     */
    private List<Action> escalate(DialogueView view, Priority priority, String reason) {
        Action escalate = new Action.Escalate(priority, reason);
        if (view.waitingForHuman() || view.someoneElseAnswers()) {
            return List.of(escalate);
        }
        return switch (view.duty()) {
            case ON_DUTY -> List.of(escalate, reply(AnswerName.HUMAN_AGENT));
            case OFF_DUTY -> List.of(escalate, reply(AnswerName.HUMAN_AGENT_NOBODY_ON_DUTY), new Action.OffDutyTold());
            case OFF_DUTY_TOLD -> List.of(escalate, reply(AnswerName.HUMAN_AGENT_QUEUED));
        };
    }

    private Action clarify(Parse parse) {
        Answer question = answer(AnswerName.CLARIFY);
        List<QuickReplyOption> options = new ArrayList<>();
        for (String alternative : parse.alternatives(CLARIFY_OPTIONS + 1)) {
            if (Intents.HUMAN_AGENT.equals(alternative) || options.size() == CLARIFY_OPTIONS) {
                continue;
            }
            answers.topic(alternative).ifPresent(topic ->
                    options.add(new QuickReplyOption(topic, Payloads.forIntent(alternative))));
        }
        answers.topic(Intents.HUMAN_AGENT).ifPresent(topic ->
                options.add(new QuickReplyOption(topic, Payloads.forIntent(Intents.HUMAN_AGENT))));
        return new Action.Reply(null, question.withQuickReplies(options));
    }

    private Decision decision(String understood, List<Action> actions, int misunderstandings, DialogueView view) {
        return decision(understood, actions, misunderstandings, view.place(), view);
    }

    private static Decision decision(String understood, List<Action> actions, int misunderstandings, String place,
                                     DialogueView view) {
        return new Decision(understood, actions, misunderstandings, place,
                OfferedChoices.toRemember(actions, view.offered()), true);
    }

    private Answer answer(AnswerName name) {
        return answers.get(name.intent(), name.variant());
    }

    private Action reply(AnswerName name) {
        return reply(name, null);
    }

    /** An answer, with any services it lists chosen nearest to {@code place} (an old district, or null). */
    private Action reply(AnswerName name, String place) {
        return new Action.Reply(name.intent(), composer.compose(answer(name), place));
    }

    /** An intent's answer that fits the message: a variant its file chose by the message's words, or its own. */
    private Action reply(String intent, String variant, String place) {
        if (AnswerName.DEFAULT.equals(variant)) {
            return reply(AnswerName.of(intent).orElseThrow(), place);
        }
        return new Action.Reply(intent, composer.compose(answers.get(intent, variant), place));
    }
}
