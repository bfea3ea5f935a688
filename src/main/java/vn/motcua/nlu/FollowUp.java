package vn.motcua.nlu;

import java.util.Locale;

/**
 * A follow-up question about the topic being talked about ("có mất tiền ko", "nộp đơn ở đâu", "bao lâu"): the dialogue
 * answers it for the current topic. Found by the phrases of {@code nlu/follow-ups.tsv} ({@link FollowUps}).
 */
public enum FollowUp {
    /** Does it cost anything, is it free. */
    COST,
    /** Where to go, where to file. */
    WHERE,
    /** How long it takes. */
    HOW_LONG,
    /** Which papers to bring. */
    DOCUMENTS,
    /** What happens next, what to do now. */
    NEXT_STEPS,
    /** The same, for a child. */
    FOR_CHILD,
    /** The same, for a man or a boy. */
    FOR_MAN,
    /** I do not want to report (to the police). */
    NO_REPORT,
    /** I do not want him jailed or arrested. */
    NO_JAIL,
    /** Not a follow-up question. */
    NONE;

    /** The lower-case id used in files and reports: "how_long". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FollowUp fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
