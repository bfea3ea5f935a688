package vn.motcua.dialogue;

import java.util.Arrays;

import vn.motcua.nlu.FollowUp;

/**
 * Which answer the bot gives, by name: an intent's file (or {@code system}) and one of its variants. A variant is a
 * subject ({@code default}, {@code no_contact}, {@code harassment}, …), possibly narrowed to one aspect of it: a
 * follow-up question ({@code no_contact_how_long}, {@code cost} for the default subject) or a repeat
 * ({@code no_contact_again}). The aspect is what lets the conversation remember what it talks about when the person
 * asks one more thing ("bao lâu" after "nộp ở đâu" is still about no-contact orders).
 *
 * <p>The label ({@code legal_rights/no_contact_where}, or only the intent for its default) is how a bot turn
 * records which answer it was.
 */
record AnswerKey(String intent, String variant) {

    static final String DEFAULT = AnswerName.DEFAULT;
    /** The aspect of an answer given again: a shorter one that points back to what was said. */
    static final String AGAIN = "again";
    private static final char SEPARATOR = '/';

    static AnswerKey of(AnswerName name) {
        return new AnswerKey(name.intent(), name.variant());
    }

    static AnswerKey of(String intent) {
        return new AnswerKey(intent, DEFAULT);
    }

    /** The key a bot turn recorded; an intent alone is its default answer. */
    static AnswerKey parse(String label) {
        int at = label.indexOf(SEPARATOR);
        return at < 0 ? of(label) : new AnswerKey(label.substring(0, at), label.substring(at + 1));
    }

    String label() {
        return DEFAULT.equals(variant) ? intent : intent + SEPARATOR + variant;
    }

    /** The variant without its aspect: {@code no_contact} for {@code no_contact_where}, {@code default} for {@code cost}. */
    String subject() {
        String aspect = aspect();
        if (aspect == null) {
            return variant;
        }
        return variant.equals(aspect) ? DEFAULT : variant.substring(0, variant.length() - aspect.length() - 1);
    }

    /** The follow-up id or {@link #AGAIN} this variant is narrowed to, or null. */
    String aspect() {
        return Arrays.stream(FollowUp.values()).filter(f -> f != FollowUp.NONE).map(FollowUp::id)
                .filter(this::narrowedTo).findFirst().orElse(narrowedTo(AGAIN) ? AGAIN : null);
    }

    /** The same subject, narrowed to {@code aspect} instead. */
    AnswerKey about(String aspect) {
        String subject = subject();
        return new AnswerKey(intent, DEFAULT.equals(subject) ? aspect : subject + "_" + aspect);
    }

    AnswerKey again() {
        return about(AGAIN);
    }

    private boolean narrowedTo(String aspect) {
        return variant.equals(aspect) || variant.endsWith("_" + aspect);
    }
}
