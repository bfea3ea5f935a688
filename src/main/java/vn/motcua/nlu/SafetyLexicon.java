package vn.motcua.nlu;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Phrases that signal immediate danger or self-harm. A match forces {@code emergency} or {@code self_harm} whatever
 * the classifier says, because missing a crisis is the worst error this system can make (DESIGN §6.1).
 *
 * <p>Phrases are matched on whole words by a {@link PhraseLexicon}. A word typed with accents must match the phrase's
 * accents, so "từ từ" (slowly) is not "tự tử"; a word typed without accents matches the folded phrase. A line that
 * starts with {@code =} matches only when typed with its accents, for phrases whose folded form is an everyday one
 * ("muốn tự vẫn" folds to "muon tu van", "I want advice"). Exceptions ("cười muốn chết") are idioms that only look
 * like a crisis: a phrase inside an exception does not fire. A line that starts with {@code ~} is a general sign (a
 * cry for help, heavy bleeding): it fires only when no specific phrase of either intent does, so "cứu em, em vừa cắt
 * tay" is self-harm and "cứu em, chồng đang đánh em" is an emergency. A {@code *} in a phrase stands for one or two
 * words of the message ("đang bị * đánh" matches "đang bị ổng đánh"). Exceptions follow the same rules, so "no muốn
 * chết" typed without accents ("nó muốn chết", someone else wants to die) is not excused by the idiom "no muốn chết"
 * unless marked.
 */
public final class SafetyLexicon {

    /** A match: which intent it forces and the phrase (for tests and evaluation, never logged with the message). */
    public record Match(String intent, String phrase) {
    }

    static final String WILDCARD = PhraseLexicon.WILDCARD;

    private final PhraseLexicon phrases;

    /**
     * @param phrasesByIntent intent → phrase lines ({@code #} comments allowed)
     * @param exceptionLines  idioms that must not fire
     */
    public SafetyLexicon(Map<String, String> phrasesByIntent, String exceptionLines) {
        this(phrasesByIntent, exceptionLines, line -> List.of(line.split(" ")));
    }

    /**
     * @param words splits a phrase into words the way messages are split, so a phrase written with a word that the
     *              normalizer rewrites ("cứu tui" → "cứu tôi") still matches what people type
     */
    public SafetyLexicon(Map<String, String> phrasesByIntent, String exceptionLines,
                         Function<String, List<String>> words) {
        this.phrases = new PhraseLexicon(phrasesByIntent, exceptionLines, words);
    }

    /** How many phrases (crisis phrases and exceptions) were loaded: a sanity check for start-up and tests. */
    public int size() {
        return phrases.size();
    }

    public Optional<Match> match(NormalizedText text) {
        return phrases.first(text).map(hit -> new Match(hit.label(), hit.phrase()));
    }
}
