package vn.motcua.nlu;

import java.util.List;

/**
 * The classifier's labels: the intent ids of spec/intents.md, a contract shared with evaluation and the console. The
 * last seven were added with issue 10 (docs/nlu.md): dialogue acts, questions about the chat itself, being watched
 * and elder abuse.
 */
public final class Intents {

    public static final String GREETING = "greeting";
    public static final String THANKS_GOODBYE = "thanks_goodbye";
    public static final String EMERGENCY = "emergency";
    public static final String SELF_HARM = "self_harm";
    public static final String DOMESTIC_VIOLENCE = "domestic_violence";
    public static final String CHILD_ABUSE = "child_abuse";
    public static final String SEXUAL_VIOLENCE = "sexual_violence";
    public static final String ONLINE_ABUSE = "online_abuse";
    public static final String LEGAL_RIGHTS = "legal_rights";
    public static final String LEGAL_AID = "legal_aid";
    public static final String POLICE_REPORT = "police_report";
    public static final String MEDICAL_HELP = "medical_help";
    public static final String COUNSELING = "counseling";
    public static final String SHELTER = "shelter";
    public static final String ONE_STOP_INFO = "one_stop_info";
    public static final String HOTLINE = "hotline";
    public static final String HUMAN_AGENT = "human_agent";
    public static final String SUBSCRIBE = "subscribe";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String DELETE_DATA = "delete_data";
    public static final String OUT_OF_SCOPE = "out_of_scope";
    /** "ok", "có", "vâng": yes to what the bot asked or offered (see {@link DialogueAct}). */
    public static final String AFFIRM = "affirm";
    /** "không", "ko", "chưa": no to what the bot asked or offered. */
    public static final String DENY = "deny";
    /** "thôi", "để sau", "not now": never mind; never an unsubscription. */
    public static final String NEVER_MIND = "never_mind";
    /** Is this chat private, is my number kept, can the police read it. */
    public static final String PRIVACY = "privacy";
    /** Am I talking to a person or a machine. */
    public static final String BOT_IDENTITY = "bot_identity";
    /** He is next to me, someone is reading over my shoulder. */
    public static final String BEING_WATCHED = "being_watched";
    /** An older person is hurt, neglected or robbed by family or carers. */
    public static final String ELDER_ABUSE = "elder_abuse";

    public static final List<String> ALL = List.of(GREETING, THANKS_GOODBYE, EMERGENCY, SELF_HARM, DOMESTIC_VIOLENCE,
            CHILD_ABUSE, SEXUAL_VIOLENCE, ONLINE_ABUSE, LEGAL_RIGHTS, LEGAL_AID, POLICE_REPORT, MEDICAL_HELP, COUNSELING,
            SHELTER, ONE_STOP_INFO, HOTLINE, HUMAN_AGENT, SUBSCRIBE, UNSUBSCRIBE, DELETE_DATA, OUT_OF_SCOPE, AFFIRM, DENY,
            NEVER_MIND, PRIVACY, BOT_IDENTITY, BEING_WATCHED, ELDER_ABUSE);

    private Intents() {
    }

    public static boolean isCrisis(String intent) {
        return EMERGENCY.equals(intent) || SELF_HARM.equals(intent);
    }
}
