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
import vn.motcua.nlu.DialogueAct;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.Parse;

/**
 * The bot's policy: (what it sees of the conversation, what the person sent, what that meant) → one decision. Safety
 * comes first: a crisis gets its answer before anything else and is escalated at CRITICAL priority, whatever the
 * classifier's confidence, and even when the person typed the title of a button (DESIGN §6). Then the conversation's
 * short memory (DESIGN §5): the turns after a crisis answer stay with the crisis; a short answer ("có", "ko", "thôi")
 * answers what the bot just asked; a follow-up ("bao lâu", "có mất tiền ko") is answered for the current topic; and
 * no answer is given twice in a row.
 */
@Component
public class DialoguePolicy {

    /** Intents in which a person tells what happened to them: the first time, the bot asks if it is safe to talk. */
    private static final Set<String> DISCLOSURES = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.SEXUAL_VIOLENCE,
            Intents.CHILD_ABUSE);
    /** What a child may tell about themself: answered as to the child ({@code child_abuse/child}). */
    private static final Set<String> TOLD_BY_A_CHILD = Set.of(Intents.CHILD_ABUSE, Intents.DOMESTIC_VIOLENCE,
            Intents.SEXUAL_VIOLENCE);
    /**
     * Topics a follow-up question is answered for: their files hold follow-up variants, and a follow-up they cannot
     * answer gets the honest system answer for it. A follow-up after any other topic is asked about.
     */
    static final Set<String> FOLLOW_UP_TOPICS = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.LEGAL_RIGHTS,
            Intents.LEGAL_AID, Intents.POLICE_REPORT, Intents.MEDICAL_HELP, Intents.ONE_STOP_INFO, Intents.SHELTER,
            Intents.COUNSELING, Intents.SEXUAL_VIOLENCE, Intents.CHILD_ABUSE, Intents.ONLINE_ABUSE,
            Intents.ELDER_ABUSE, Intents.PRIVACY, Intents.HOTLINE, Intents.BEING_WATCHED);
    /** After a crisis answer, a turn like these stays with the crisis (as do unsure turns, follow-ups, cannot-call). */
    private static final Set<String> STAYS_WITH_A_CRISIS = Set.of(Intents.OUT_OF_SCOPE, Intents.COUNSELING,
            Intents.THANKS_GOODBYE, Intents.AFFIRM, Intents.DENY, Intents.NEVER_MIND, Intents.GREETING);
    /** The crisis answers' short form for the turns that follow them. */
    private static final String STAY = "stay";
    /** The crisis answers for someone who cannot make a call. */
    private static final String CANNOT_CALL = "cannot_call";
    private static final int CLARIFY_OPTIONS = 3;
    private static final int MISUNDERSTANDINGS_BEFORE_OFFER = 2;
    /** The reason of an escalation after repeated misunderstandings (not an intent: nothing was understood). */
    public static final String MISUNDERSTOOD = "misunderstood";

    private final AnswerBook answers;
    private final Replies replies;
    private final EnglishReplies english;

    public DialoguePolicy(AnswerBook answers, AnswerComposer composer) {
        this.answers = answers;
        this.replies = new Replies(answers, composer);
        this.english = new EnglishReplies(answers);
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
        // Decided in Vietnamese; a message in English then gets each reply's English twin (EnglishReplies).
        return english.inLanguageOf(decideInVietnamese(view, content, parse), content, parse);
    }

    private Decision decideInVietnamese(DialogueView view, InboundContent content, Parse parse) {
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
        String written = content instanceof InboundContent.Text text ? text.text() : null;
        if (isCrisis(parse)) {
            return understood(view, parse, written);
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
        // Nothing to understand at all (a button of someone else's without a title): say what the bot can help with.
        return understood(view, parse == null ? Parse.certain(Intents.OUT_OF_SCOPE) : parse, written);
    }

    /**
     * A crisis the bot is sure of: a lexicon phrase, or a classifier guess sure enough to answer. An unsure crisis
     * guess ("chết cười", "deadline dí chết") is asked about, and the question still gives 113.
     */
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
            return safetyAnswer(view, Payloads.SAFE_YES.equals(payload));
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
        LastTurn last = new LastTurn(view);
        if (isCrisis(parse)) {
            actions.add(reply(crisisAnswer(parse, written, last), null));
            actions.addAll(escalate(view, Priority.CRITICAL, intent));
            if (view.firstContact()) {
                actions.add(reply(AnswerName.DISCLOSURE));
            }
            return decision(intent, actions, 0, place, view);
        }
        if (view.firstContact() && !Intents.GREETING.equals(intent)) {
            actions.add(reply(AnswerName.DISCLOSURE));
        }
        String crisis = last.crisis();
        if (crisis != null && staysWithTheCrisis(parse)) {
            actions.addAll(stayWithTheCrisis(view, crisis, parse, last));
            return decision(crisis, actions, 0, place, view);
        }
        if (parse.cannotCall() && (parse.lowConfidence() || parse.act() != DialogueAct.NONE)) {
            String reason = view.topic() != null ? view.topic() : Intents.HUMAN_AGENT;
            // Escalate first: the answer says a caseworker has been told. The queue line goes before it, so that the
            // answer's own button is the one left on screen.
            actions.addAll(escalate(view, Priority.HIGH, reason));
            actions.add(reply(AnswerName.CANNOT_CALL));
            return decision(reason, actions, 0, place, view);
        }
        if (parse.act() != DialogueAct.NONE) {
            return shortAnswer(view, parse.act(), last, actions, place);
        }
        if (parse.continuesTopic() && view.topic() != null && FOLLOW_UP_TOPICS.contains(view.topic())) {
            AnswerKey topic = new AnswerKey(view.topic(), view.topicVariant());
            actions.add(reply(topic.about(parse.followUp().id()), place));
            return decision(view.topic(), actions, 0, place, view);
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
        if (Intents.DELETE_DATA.equals(intent) && last.asked(this::resolve) == LastTurn.Question.ERASE) {
            // "xóa đi" after "Bạn có muốn xóa … không?": the answer is yes.
            return eraseAnswer(view, true);
        }
        AnswerKey key = answerFor(parse, written);
        actions.addAll(forIntent(view, key, place));
        if (DISCLOSURES.contains(intent) && view.heard().stream().noneMatch(DISCLOSURES::contains)) {
            actions.add(reply(AnswerName.SAFE_TO_TALK));
        }
        return decision(key.intent(), actions, 0, place, view);
    }

    /** A sure crisis: for someone who cannot call, the ways that need no voice; the same crisis again, its short form. */
    private AnswerKey crisisAnswer(Parse parse, String written, LastTurn last) {
        String intent = parse.intent();
        AnswerKey first = parse.cannotCall() ? new AnswerKey(intent, CANNOT_CALL)
                : new AnswerKey(intent, answers.variantFor(intent, written));
        return last.gave(first) ? new AnswerKey(intent, STAY) : first;
    }

    /** After a crisis answer: a short, unsure or unrelated turn is not a reason to leave the crisis. */
    private static boolean staysWithTheCrisis(Parse parse) {
        return parse.lowConfidence() || parse.cannotCall() || parse.followUp() != FollowUp.NONE
                || STAYS_WITH_A_CRISIS.contains(parse.intent());
    }

    /**
     * The turn after a crisis answer ("ko muon goi ai het" after "e vua uong het vi thuoc ngu roi"): the one number
     * that matters (115 after pills or an injury, 113 in danger), the caseworker who was told, and for someone who
     * cannot call, the ways that need no voice. Never the same block twice in a row.
     */
    private List<Action> stayWithTheCrisis(DialogueView view, String crisis, Parse parse, LastTurn last) {
        List<AnswerKey> choices = parse.cannotCall()
                ? List.of(new AnswerKey(crisis, CANNOT_CALL), new AnswerKey(crisis, STAY))
                : List.of(new AnswerKey(crisis, STAY), AnswerKey.of(crisis));
        AnswerKey chosen = choices.stream().filter(key -> !last.gave(key)).findFirst().orElse(choices.get(0));
        List<Action> actions = new ArrayList<>(List.of(reply(chosen, null)));
        if (!view.waitingForHuman()) {
            actions.add(new Action.Escalate(Priority.CRITICAL, crisis));
        }
        return actions;
    }

    /**
     * "có", "ok", "ko", "thôi": an answer to what the bot just asked (erase? safe to talk? a caseworker?); after no
     * question, the act's own short answer with what the bot can do. "thôi" is never an unsubscription.
     */
    private Decision shortAnswer(DialogueView view, DialogueAct act, LastTurn last, List<Action> actions,
                                 String place) {
        boolean yes = act == DialogueAct.AFFIRM;
        switch (last.asked(this::resolve)) {
            case ERASE:
                return eraseAnswer(view, yes);
            case SAFE_TO_TALK:
                return safetyAnswer(view, yes);
            case CASEWORKER:
                if (yes) {
                    actions.addAll(humanAgent(view));
                    return decision(Intents.HUMAN_AGENT, actions, 0, place, view);
                }
                break;
            default:
                break;
        }
        actions.add(reply(AnswerKey.of(act.intent()), place));
        return decision(act.intent(), actions, 0, place, view);
    }

    /**
     * The answer for a message the NLU is sure of: spoken to the child when a child tells about themself; else the
     * variant its words choose ({@code when:}), narrowed to the follow-up it asks when the file holds that.
     */
    private AnswerKey answerFor(Parse parse, String written) {
        String intent = parse.intent();
        if (parse.childSpeaking() && TOLD_BY_A_CHILD.contains(intent)) {
            return AnswerKey.of(AnswerName.CHILD_ABUSE_CHILD);
        }
        AnswerKey key = new AnswerKey(intent, answers.variantFor(intent, written));
        if (parse.followUp() != FollowUp.NONE) {
            AnswerKey narrowed = key.about(parse.followUp().id());
            if (answers.find(narrowed.intent(), narrowed.variant()).isPresent()) {
                return narrowed;
            }
        }
        return key;
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

    /**
     * Someone else is answering: the bot says nothing, but a crisis still raises the alarm (DESIGN §5, §6.1). Only a
     * crisis the bot is sure of: an idiom the classifier half-took for one raises none.
     */
    private static Decision listen(DialogueView view, Parse parse) {
        List<Action> actions = isCrisis(parse)
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

    /** The person answered the erase question: tapped, typed ("có", "xóa đi") or declined ("không", "thôi"). */
    private Decision eraseAnswer(DialogueView view, boolean confirmed) {
        if (confirmed) {
            // How to delete what is left on the person's side depends on where they wrote from.
            AnswerName done = view.channel() == Channel.WEBCHAT ? AnswerName.DELETE_DATA_DONE_WEBCHAT
                    : AnswerName.DELETE_DATA_DONE;
            return decision(Intents.DELETE_DATA, List.of(new Action.Erase(), reply(done)), 0, view);
        }
        return decision(Intents.DELETE_DATA, List.of(reply(AnswerName.DELETE_DATA_CANCELLED)), 0, view);
    }

    /** The person answered "is it safe for you to talk now?": tapped or typed. */
    private Decision safetyAnswer(DialogueView view, boolean safe) {
        return decision(null, List.of(reply(safe ? AnswerName.SAFE_YES : AnswerName.SAFE_NO)), 0, view);
    }

    private List<Action> forIntent(DialogueView view, AnswerKey key, String place) {
        String intent = key.intent();
        return switch (intent) {
            case Intents.HUMAN_AGENT -> humanAgent(view);
            case Intents.DELETE_DATA -> List.of(reply(AnswerName.DELETE_DATA_CONFIRM));
            case Intents.SUBSCRIBE -> List.of(new Action.Subscribe(null), reply(AnswerName.SUBSCRIBE));
            case Intents.UNSUBSCRIBE -> List.of(new Action.Unsubscribe(), reply(AnswerName.UNSUBSCRIBE));
            case Intents.CHILD_ABUSE, Intents.SEXUAL_VIOLENCE, Intents.SHELTER -> {
                List<Action> high = new ArrayList<>(List.of(reply(key, place)));
                high.addAll(escalate(view, Priority.HIGH, intent));
                yield high;
            }
            default -> List.of(reply(key, place));
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
        return new Action.Reply(AnswerName.CLARIFY.intent(), AnswerName.CLARIFY.variant(),
                question.withQuickReplies(options));
    }

    private Decision decision(String understood, List<Action> actions, int misunderstandings, DialogueView view) {
        return decision(understood, actions, misunderstandings, view.place(), view);
    }

    private Decision decision(String understood, List<Action> actions, int misunderstandings, String place,
                              DialogueView view) {
        List<Action> fresh = replies.withoutRepeats(actions, new LastTurn(view));
        return new Decision(understood, fresh, misunderstandings, place,
                OfferedChoices.toRemember(fresh, view.offered()), true);
    }

    private Action reply(AnswerName name) {
        return reply(name, null);
    }

    /** An answer, with any services it lists chosen nearest to {@code place} (an old district, or null). */
    private Action reply(AnswerName name, String place) {
        return reply(AnswerKey.of(name), place);
    }

    private Action reply(AnswerKey key, String place) {
        return replies.reply(key, place);
    }

    private Answer resolve(AnswerKey key) {
        return replies.resolve(key);
    }

    private Answer answer(AnswerName name) {
        return replies.resolve(AnswerKey.of(name));
    }
}
