package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.message.Channel;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Priority;
import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.Parse;

/**
 * The bot's policy: (conversation, what the person meant) → actions. Safety comes first: a crisis gets its answer
 * before anything else and is escalated at CRITICAL priority, whatever the classifier's confidence (DESIGN §6).
 */
@Component
public class DialoguePolicy {

    static final String DEFAULT = "default";
    /** Intents in which a person tells what happened to them: the first time, the bot asks if it is safe to talk. */
    private static final Set<String> DISCLOSURES = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.SEXUAL_VIOLENCE,
            Intents.CHILD_ABUSE);
    private static final int CLARIFY_OPTIONS = 3;
    private static final int MISUNDERSTANDINGS_BEFORE_OFFER = 2;

    private final AnswerBook answers;
    private final AnswerComposer composer;

    public DialoguePolicy(AnswerBook answers, AnswerComposer composer) {
        this.answers = answers;
        this.composer = composer;
    }

    /** A message (typed, or a button carrying an intent) that the NLU has parsed. */
    public Decision decide(Conversation conversation, Parse parse) {
        return decide(conversation, parse, null);
    }

    /**
     * @param written what the person wrote, when they typed it: it picks the most fitting answer of an intent
     *                (a question about fines gets the fines answer); null for a button
     */
    public Decision decide(Conversation conversation, Parse parse, String written) {
        List<Action> actions = new ArrayList<>();
        String intent = parse.intent();
        String named = parse.location() == null ? null : parse.location().district();
        String place = named != null ? named : conversation.place();
        // The parser marks a crisis unsure only when the message names a place and no danger phrase.
        if (Intents.isCrisis(intent) && !parse.lowConfidence()) {
            actions.add(reply(intent, DEFAULT));
            actions.add(new Action.Escalate(Priority.CRITICAL, intent));
            if (conversation.isNew()) {
                actions.add(reply(AnswerBook.SYSTEM, "disclosure"));
            }
            return new Decision(intent, actions, 0, named);
        }
        if (conversation.isNew() && !Intents.GREETING.equals(intent)) {
            actions.add(reply(AnswerBook.SYSTEM, "disclosure"));
        }
        if (named != null && isOnlyAPlace(parse)) {
            // "tôi ở Gò Vấp": after a list of services, the same answer again, nearest to that place first;
            // otherwise the place is kept for the services asked about next.
            Optional<String> narrowed = lastServicesAnswer(conversation);
            actions.add(narrowed.isPresent() ? reply(narrowed.get(), DEFAULT, place) : reply(AnswerBook.SYSTEM, "place_noted"));
            return new Decision(narrowed.orElse(null), actions, 0, named);
        }
        if (parse.lowConfidence()) {
            int misunderstandings = conversation.misunderstandings() + 1;
            actions.add(misunderstandings >= MISUNDERSTANDINGS_BEFORE_OFFER
                    ? reply(AnswerBook.SYSTEM, "offer_caseworker")
                    : clarify(parse));
            return new Decision(null, actions, misunderstandings, named);
        }
        actions.addAll(forIntent(conversation, intent, place, answers.variantFor(intent, written)));
        if (DISCLOSURES.contains(intent) && !disclosedBefore(conversation)) {
            actions.add(reply(AnswerBook.SYSTEM, "safe_to_talk"));
        }
        return new Decision(intent, actions, 0, named);
    }

    /** The person answered "is it safe for you to talk now?". */
    public Decision safetyAnswer(Conversation conversation, boolean safe) {
        return new Decision(null, List.of(reply(AnswerBook.SYSTEM, safe ? "safe_yes" : "safe_no")), 0);
    }

    /** A message that names a place and nothing the classifier is sure of ("tôi ở Gò Vấp", "q7"). */
    private static boolean isOnlyAPlace(Parse parse) {
        return parse.lowConfidence() || Intents.OUT_OF_SCOPE.equals(parse.intent()) || Intents.GREETING.equals(parse.intent());
    }

    /** The intent of the bot's latest answer, if that answer listed services. */
    private Optional<String> lastServicesAnswer(Conversation conversation) {
        List<Turn> turns = conversation.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn turn = turns.get(i);
            if (turn.speaker() == Speaker.BOT && turn.intent() != null && !AnswerBook.SYSTEM.equals(turn.intent())) {
                String intent = turn.intent();
                return answers.find(intent, DEFAULT).filter(a -> a.services() != null).map(a -> intent);
            }
        }
        return Optional.empty();
    }

    private static boolean disclosedBefore(Conversation conversation) {
        return conversation.turns().stream()
                .anyMatch(t -> t.speaker() == Speaker.PERSON && DISCLOSURES.contains(t.intent()));
    }

    /** A picture, voice message, sticker or file: the bot reads text only. */
    public Decision attachment(Conversation conversation) {
        List<Action> actions = new ArrayList<>();
        if (conversation.isNew()) {
            actions.add(reply(AnswerBook.SYSTEM, "disclosure"));
        }
        actions.add(reply(AnswerBook.SYSTEM, "attachment_unsupported"));
        return new Decision(null, actions, conversation.misunderstandings());
    }

    /** The person opened the chat from a link, an ad or a plugin. */
    public Decision referral(Conversation conversation) {
        return new Decision(null, List.of(reply(AnswerBook.SYSTEM, "referral_welcome")), 0);
    }

    /** The person followed our account (Zalo "quan tâm"): welcome them and say what the bot is. */
    public Decision follow(Conversation conversation) {
        return new Decision(null, List.of(reply(AnswerBook.SYSTEM, "follow_welcome")), 0);
    }

    /** The person unfollowed: no awareness message may reach them, and nothing is said (it could not arrive). */
    public Decision unfollow(Conversation conversation) {
        return new Decision(null, List.of(new Action.Unsubscribe()), 0);
    }

    /** The person agreed, on the platform's own prompt, to receive messages from us. */
    public Decision optIn(Conversation conversation, String sendToken) {
        return new Decision(Intents.SUBSCRIBE, List.of(new Action.Subscribe(sendToken),
                reply(AnswerBook.SYSTEM, "optin_confirmed")), 0);
    }

    /** Erase again, with nothing said: the channel already confirmed the erasure and the person has left. */
    public Decision eraseQuietly() {
        return new Decision(Intents.DELETE_DATA, List.of(new Action.Erase()), 0);
    }

    /** The person answered the erase question with a button. */
    public Decision eraseAnswer(Conversation conversation, boolean confirmed) {
        if (confirmed) {
            // How to delete what is left on the person's side depends on where they wrote from.
            String done = conversation.channel() == Channel.WEBCHAT ? "done_webchat" : "done";
            return new Decision(Intents.DELETE_DATA, List.of(new Action.Erase(), reply(Intents.DELETE_DATA, done)), 0);
        }
        return new Decision(Intents.DELETE_DATA, List.of(reply(Intents.DELETE_DATA, "cancelled")), 0);
    }

    private List<Action> forIntent(Conversation conversation, String intent, String place, String variant) {
        return switch (intent) {
            case Intents.HUMAN_AGENT -> humanAgent(conversation);
            case Intents.DELETE_DATA -> List.of(reply(intent, "confirm"));
            case Intents.SUBSCRIBE -> List.of(new Action.Subscribe(null), reply(intent, DEFAULT));
            case Intents.UNSUBSCRIBE -> List.of(new Action.Unsubscribe(), reply(intent, DEFAULT));
            case Intents.CHILD_ABUSE, Intents.SEXUAL_VIOLENCE, Intents.SHELTER ->
                    List.of(reply(intent, variant, place), new Action.Escalate(Priority.HIGH, intent));
            default -> List.of(reply(intent, variant, place));
        };
    }

    private List<Action> humanAgent(Conversation conversation) {
        if (conversation.state() == ConversationState.WAITING_FOR_HUMAN) {
            return List.of(reply(Intents.HUMAN_AGENT, "already_waiting"));
        }
        // Escalate first: the reply promises that a caseworker has been told, so that must already be true.
        return List.of(new Action.Escalate(Priority.NORMAL, Intents.HUMAN_AGENT), reply(Intents.HUMAN_AGENT, DEFAULT));
    }

    private Action clarify(Parse parse) {
        Answer question = answers.get(AnswerBook.SYSTEM, "clarify");
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

    private Action reply(String intent, String variant) {
        return reply(intent, variant, null);
    }

    /** An answer, with any services it lists chosen nearest to {@code place} (an old district, or null). */
    private Action reply(String intent, String variant, String place) {
        return new Action.Reply(intent, composer.compose(answers.get(intent, variant), place));
    }
}
