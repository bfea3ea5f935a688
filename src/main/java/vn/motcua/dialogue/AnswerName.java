package vn.motcua.dialogue;

import java.util.Arrays;
import java.util.Optional;

import vn.motcua.knowledge.AnswerBook;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Intents;

/**
 * Every answer the policy may give by name: each intent's own answer, and each other reply it refers to. The content
 * folder must hold all of them: start-up stops, and a reload is refused, naming the one that is missing
 * ({@link RequiredAnswers}), so no turn ever finds an answer gone. The variants an intent's file chooses by the words
 * of a message ({@code when:}) are not named here: the file that offers them also holds them. Nor are the follow-up
 * variants of a topic ({@code legal_rights/no_contact_where}) and the {@code again} of an answer: the policy uses them
 * when the file holds them, and otherwise the system answer named here ({@link #followUp}, {@link #AGAIN}).
 */
public enum AnswerName {

    GREETING(Intents.GREETING),
    THANKS_GOODBYE(Intents.THANKS_GOODBYE),
    EMERGENCY(Intents.EMERGENCY),
    SELF_HARM(Intents.SELF_HARM),
    DOMESTIC_VIOLENCE(Intents.DOMESTIC_VIOLENCE),
    CHILD_ABUSE(Intents.CHILD_ABUSE),
    SEXUAL_VIOLENCE(Intents.SEXUAL_VIOLENCE),
    ONLINE_ABUSE(Intents.ONLINE_ABUSE),
    LEGAL_RIGHTS(Intents.LEGAL_RIGHTS),
    LEGAL_AID(Intents.LEGAL_AID),
    POLICE_REPORT(Intents.POLICE_REPORT),
    MEDICAL_HELP(Intents.MEDICAL_HELP),
    COUNSELING(Intents.COUNSELING),
    SHELTER(Intents.SHELTER),
    ONE_STOP_INFO(Intents.ONE_STOP_INFO),
    HOTLINE(Intents.HOTLINE),
    HUMAN_AGENT(Intents.HUMAN_AGENT),
    HUMAN_AGENT_ALREADY_WAITING(Intents.HUMAN_AGENT, "already_waiting"),
    /** Escalated while nobody is on duty: said honestly, at most once a day; the conversation stays in the queue. */
    HUMAN_AGENT_NOBODY_ON_DUTY(Intents.HUMAN_AGENT, "nobody_on_duty"),
    /** Escalated while nobody is on duty, already told so today: the place in the queue, no promise of speed. */
    HUMAN_AGENT_QUEUED(Intents.HUMAN_AGENT, "queued"),
    /** What {@code {wait}} becomes in the answers above when recent claims give an estimate ({@code {minutes}}). */
    WAIT_ESTIMATE(Intents.HUMAN_AGENT, "wait_estimate"),
    /** What {@code {wait}} becomes when there are too few recent claims to say. */
    WAIT_UNKNOWN(Intents.HUMAN_AGENT, "wait_unknown"),
    SUBSCRIBE(Intents.SUBSCRIBE),
    UNSUBSCRIBE(Intents.UNSUBSCRIBE),
    /** Erasing is never done on a word alone: the bot asks first. This is the intent's own answer. */
    DELETE_DATA_CONFIRM(Intents.DELETE_DATA, "confirm"),
    DELETE_DATA_DONE(Intents.DELETE_DATA, "done"),
    DELETE_DATA_DONE_WEBCHAT(Intents.DELETE_DATA, "done_webchat"),
    DELETE_DATA_CANCELLED(Intents.DELETE_DATA, "cancelled"),
    OUT_OF_SCOPE(Intents.OUT_OF_SCOPE),
    AFFIRM(Intents.AFFIRM),
    DENY(Intents.DENY),
    NEVER_MIND(Intents.NEVER_MIND),
    PRIVACY(Intents.PRIVACY),
    BOT_IDENTITY(Intents.BOT_IDENTITY),
    BEING_WATCHED(Intents.BEING_WATCHED),
    ELDER_ABUSE(Intents.ELDER_ABUSE),

    DISCLOSURE(AnswerBook.SYSTEM, "disclosure"),
    CLARIFY(AnswerBook.SYSTEM, "clarify"),
    OFFER_CASEWORKER(AnswerBook.SYSTEM, "offer_caseworker"),
    ATTACHMENT_UNSUPPORTED(AnswerBook.SYSTEM, "attachment_unsupported"),
    REFERRAL_WELCOME(AnswerBook.SYSTEM, "referral_welcome"),
    FOLLOW_WELCOME(AnswerBook.SYSTEM, "follow_welcome"),
    OPTIN_CONFIRMED(AnswerBook.SYSTEM, "optin_confirmed"),
    SAFE_TO_TALK(AnswerBook.SYSTEM, "safe_to_talk"),
    SAFE_YES(AnswerBook.SYSTEM, "safe_yes"),
    SAFE_NO(AnswerBook.SYSTEM, "safe_no"),
    PLACE_NOTED(AnswerBook.SYSTEM, "place_noted"),

    /** The turns after a crisis answer: the one number that matters, the caseworker who was told. */
    EMERGENCY_STAY(Intents.EMERGENCY, "stay"),
    SELF_HARM_STAY(Intents.SELF_HARM, "stay"),
    /** In a crisis, for someone who cannot make a call: the ways that need no voice; never "shout". */
    EMERGENCY_CANNOT_CALL(Intents.EMERGENCY, "cannot_call"),
    SELF_HARM_CANNOT_CALL(Intents.SELF_HARM, "cannot_call"),
    /** Outside a crisis, for someone who cannot make a call. */
    CANNOT_CALL(AnswerBook.SYSTEM, "cannot_call"),
    /** A child telling about themself: spoken to as the child, in simple words, 111 first. */
    CHILD_ABUSE_CHILD(Intents.CHILD_ABUSE, "child"),
    /** An answer given again: points back to it and offers the next step, when its file has no {@code again}. */
    AGAIN(AnswerBook.SYSTEM, "again"),
    /**
     * A follow-up question the current topic's file has no variant for: says honestly what is not known and offers
     * a caseworker, without leaving the topic. One per {@link FollowUp}.
     */
    FOLLOW_UP_COST(AnswerBook.SYSTEM, "follow_up_cost"),
    FOLLOW_UP_WHERE(AnswerBook.SYSTEM, "follow_up_where"),
    FOLLOW_UP_HOW_LONG(AnswerBook.SYSTEM, "follow_up_how_long"),
    FOLLOW_UP_DOCUMENTS(AnswerBook.SYSTEM, "follow_up_documents"),
    FOLLOW_UP_NEXT_STEPS(AnswerBook.SYSTEM, "follow_up_next_steps"),
    FOLLOW_UP_FOR_CHILD(AnswerBook.SYSTEM, "follow_up_for_child"),
    FOLLOW_UP_FOR_MAN(AnswerBook.SYSTEM, "follow_up_for_man"),
    FOLLOW_UP_NO_REPORT(AnswerBook.SYSTEM, "follow_up_no_report"),
    FOLLOW_UP_NO_JAIL(AnswerBook.SYSTEM, "follow_up_no_jail"),
    /** A caseworker gave the conversation back: the bot says again that it is an automated assistant (DESIGN §6.2). */
    WELCOME_BACK(AnswerBook.SYSTEM, "welcome_back");

    private static final String FOLLOW_UP_PREFIX = "follow_up_";

    static final String DEFAULT = "default";

    private final String intent;
    private final String variant;

    AnswerName(String intent) {
        this(intent, DEFAULT);
    }

    AnswerName(String intent, String variant) {
        this.intent = intent;
        this.variant = variant;
    }

    /** The file the answer is in: an intent id, or {@code system}. */
    public String intent() {
        return intent;
    }

    public String variant() {
        return variant;
    }

    /** How staff find it: {@code intents/<intent>.answers.yml}, answer {@code <variant>}. */
    public String label() {
        return intent + "/" + variant;
    }

    /** The honest system answer to a follow-up question ({@code how_long}, see {@link FollowUp#id()}). */
    public static AnswerName followUp(String followUpId) {
        return Arrays.stream(values())
                .filter(name -> AnswerBook.SYSTEM.equals(name.intent) && name.variant.equals(FOLLOW_UP_PREFIX + followUpId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No follow-up " + followUpId));
    }

    /** The answer an intent gives when none of its other variants fits (its first one here); empty for no intent. */
    public static Optional<AnswerName> of(String intent) {
        return Arrays.stream(values())
                .filter(name -> name.intent.equals(intent) && !AnswerBook.SYSTEM.equals(name.intent))
                .findFirst();
    }
}
