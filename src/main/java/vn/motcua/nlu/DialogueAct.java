package vn.motcua.nlu;

/**
 * A short answer to what the bot last asked or offered ("ok", "có", "ko", "thôi"), which only context gives a meaning.
 * Each act is also an intent of the contract ({@code affirm}, {@code deny}, {@code never_mind}), so the classifier
 * learns their longer forms and metrics count them; {@link Parse#act()} names the act for the dialogue.
 */
public enum DialogueAct {
    /** Yes: "ok", "có", "vâng", "dạ", "đúng rồi", "yes". */
    AFFIRM(Intents.AFFIRM),
    /** No: "không", "ko", "chưa", "không cần", "no". */
    DENY(Intents.DENY),
    /** Not now, never mind: "thôi", "để sau", "bỏ qua đi", "not now". Never an unsubscription. */
    NEVER_MIND(Intents.NEVER_MIND),
    /** The message is not a dialogue act. */
    NONE(null);

    private final String intent;

    DialogueAct(String intent) {
        this.intent = intent;
    }

    /** The intent that carries this act, or null for {@link #NONE}. */
    public String intent() {
        return intent;
    }

    public static DialogueAct of(String intent) {
        for (DialogueAct act : values()) {
            if (act.intent != null && act.intent.equals(intent)) {
                return act;
            }
        }
        return NONE;
    }
}
