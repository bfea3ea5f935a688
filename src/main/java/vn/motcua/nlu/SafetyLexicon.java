package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.motcua.content.AccentFolding;

/**
 * Phrases that signal immediate danger or self-harm. A match forces {@code emergency} or {@code self_harm} whatever
 * the classifier says, because missing a crisis is the worst error this system can make (DESIGN §6.1).
 *
 * <p>Phrases are matched on whole words. A word typed with accents must match the phrase's accents, so "từ từ"
 * (slowly) is not "tự tử"; a word typed without accents matches the folded phrase. A line that starts with {@code =}
 * matches only when typed with its accents, for phrases whose folded form is an everyday one ("muốn tự vẫn" folds to
 * "muon tu van", "I want advice"). Exceptions ("cười muốn chết") are idioms that only look like a crisis: a phrase
 * inside an exception does not fire. A line that starts with {@code ~} is a general sign (a cry for help, heavy
 * bleeding): it fires only when no specific phrase of either intent does, so "cứu em, em vừa cắt tay" is self-harm
 * and "cứu em, chồng đang đánh em" is an emergency. A {@code *} in a phrase stands for one or two words of the message ("đang bị *
 * đánh" matches "đang bị ổng đánh"). Exceptions follow the same rules, so "no muốn chết" typed without accents
 * ("nó muốn chết", someone else wants to die) is not excused by the idiom "no muốn chết" unless marked.
 */
public final class SafetyLexicon {

    private record Phrase(String intent, List<String> accented, List<String> folded, boolean accentsRequired,
                          boolean weak) {
    }

    /** A match: which intent it forces and the phrase (for tests and evaluation, never logged with the message). */
    public record Match(String intent, String phrase) {
    }

    /** A phrase word that stands for one or two words of the message: "đang bị * đánh" ("đang bị chồng đánh"). */
    static final String WILDCARD = "*";
    private static final int WILDCARD_MAX_WORDS = 2;

    private final List<Phrase> phrases = new ArrayList<>();
    private final List<Phrase> exceptions = new ArrayList<>();

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
        phrasesByIntent.forEach((intent, lines) -> parse(lines).forEach(p -> phrases.add(phrase(intent, p, words))));
        // Specific phrases decide before general ones, whatever their intent: "cứu em, em vừa cắt tay" is self-harm.
        phrases.sort(java.util.Comparator.comparing(Phrase::weak));
        parse(exceptionLines).forEach(p -> exceptions.add(phrase("", p, words)));
    }

    /** How many phrases (crisis phrases and exceptions) were loaded: a sanity check for start-up and tests. */
    public int size() {
        return phrases.size() + exceptions.size();
    }

    public Optional<Match> match(NormalizedText text) {
        boolean[] excused = new boolean[text.accented().size()];
        for (Phrase exception : exceptions) {
            for (int[] span : occurrences(exception, text)) {
                for (int i = span[0]; i < span[1]; i++) {
                    excused[i] = true;
                }
            }
        }
        for (Phrase phrase : phrases) {
            for (int[] span : occurrences(phrase, text)) {
                if (!coveredByException(excused, span[0], span[1])) {
                    return Optional.of(new Match(phrase.intent(), String.join(" ", phrase.accented())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean coveredByException(boolean[] excused, int start, int end) {
        for (int i = start; i < end; i++) {
            if (excused[i]) {
                return true;
            }
        }
        return false;
    }

    /** Every [start, end) span of the text where the phrase occurs. */
    private static List<int[]> occurrences(Phrase phrase, NormalizedText text) {
        List<int[]> spans = new ArrayList<>();
        for (int start = 0; start < text.accented().size(); start++) {
            int end = matchFrom(phrase, 0, text, start);
            if (end >= 0) {
                spans.add(new int[] {start, end});
            }
        }
        return spans;
    }

    /** Where a match of the phrase's words from {@code word} on, starting at token {@code at}, ends; -1 if none. */
    private static int matchFrom(Phrase phrase, int word, NormalizedText text, int at) {
        if (word == phrase.accented().size()) {
            return at;
        }
        if (WILDCARD.equals(phrase.accented().get(word))) {
            for (int skip = 1; skip <= WILDCARD_MAX_WORDS && at + skip <= text.accented().size(); skip++) {
                int end = matchFrom(phrase, word + 1, text, at + skip);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (at >= text.accented().size()) {
            return -1;
        }
        String typed = text.accented().get(at);
        String typedFolded = text.folded().get(at);
        boolean same = typed.equals(phrase.accented().get(word)) || (!phrase.accentsRequired()
                && typed.equals(typedFolded) && typedFolded.equals(phrase.folded().get(word)));
        return same ? matchFrom(phrase, word + 1, text, at + 1) : -1;
    }

    private static Phrase phrase(String intent, String line, Function<String, List<String>> words) {
        boolean accentsRequired = false;
        boolean weak = false;
        String body = line;
        while (body.startsWith("=") || body.startsWith("~")) {
            accentsRequired |= body.startsWith("=");
            weak |= body.startsWith("~");
            body = body.substring(1).strip();
        }
        List<String> accented = new ArrayList<>();
        String[] parts = body.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                accented.add(WILDCARD);
            }
            words.apply(parts[i].strip()).stream().filter(w -> !w.isEmpty()).forEach(accented::add);
        }
        if (accented.isEmpty() || accented.get(0).equals(WILDCARD) || accented.get(accented.size() - 1).equals(WILDCARD)) {
            throw new IllegalStateException("A safety phrase needs words, and a * only between them: " + line);
        }
        return new Phrase(intent, List.copyOf(accented), accented.stream().map(AccentFolding::fold).toList(),
                accentsRequired, weak);
    }

    private static List<String> parse(String lines) {
        List<String> out = new ArrayList<>();
        for (String line : Normalizer.normalize(lines, Normalizer.Form.NFC).split("\\R")) {
            String clean = line.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            if (!clean.isEmpty() && !clean.startsWith("#")) {
                out.add(clean);
            }
        }
        return out;
    }
}
