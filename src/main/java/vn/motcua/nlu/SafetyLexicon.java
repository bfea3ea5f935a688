package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Phrases that signal immediate danger or self-harm. A match forces {@code emergency} or {@code self_harm} whatever
 * the classifier says, because missing a crisis is the worst error this system can make (DESIGN §6.1).
 *
 * <p>Phrases are matched on whole words. A word typed with accents must match the phrase's accents, so "từ từ"
 * (slowly) is not "tự tử"; a word typed without accents matches the folded phrase. A line that starts with {@code =}
 * matches only when typed with its accents, for phrases whose folded form is an everyday one ("muốn tự vẫn" folds to
 * "muon tu van", "I want advice"). Exceptions ("cười muốn chết") are idioms that only look like a crisis: a phrase
 * inside an exception does not fire. Exceptions follow the same rules, so "no muốn chết" typed without accents
 * ("nó muốn chết", someone else wants to die) is not excused by the idiom "no muốn chết" unless marked.
 */
public final class SafetyLexicon {

    private record Phrase(String intent, List<String> accented, List<String> folded, boolean accentsRequired) {
    }

    /** A match: which intent it forces and the phrase (for tests and evaluation, never logged with the message). */
    public record Match(String intent, String phrase) {
    }

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
        parse(exceptionLines).forEach(p -> exceptions.add(phrase("", p, words)));
    }

    /** How many phrases (crisis phrases and exceptions) were loaded: a sanity check for start-up and tests. */
    public int size() {
        return phrases.size() + exceptions.size();
    }

    public Optional<Match> match(NormalizedText text) {
        boolean[] excused = new boolean[text.accented().size()];
        for (Phrase exception : exceptions) {
            for (int start : occurrences(exception, text)) {
                for (int i = 0; i < exception.accented().size(); i++) {
                    excused[start + i] = true;
                }
            }
        }
        for (Phrase phrase : phrases) {
            for (int start : occurrences(phrase, text)) {
                if (!coveredByException(excused, start, phrase.accented().size())) {
                    return Optional.of(new Match(phrase.intent(), String.join(" ", phrase.accented())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean coveredByException(boolean[] excused, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (excused[i]) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> occurrences(Phrase phrase, NormalizedText text) {
        List<Integer> starts = new ArrayList<>();
        int n = phrase.accented().size();
        for (int start = 0; start + n <= text.accented().size(); start++) {
            boolean all = true;
            for (int i = 0; i < n && all; i++) {
                String typed = text.accented().get(start + i);
                String typedFolded = text.folded().get(start + i);
                all = typed.equals(phrase.accented().get(i)) || (!phrase.accentsRequired()
                        && typed.equals(typedFolded) && typedFolded.equals(phrase.folded().get(i)));
            }
            if (all) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static Phrase phrase(String intent, String line, Function<String, List<String>> words) {
        boolean accentsRequired = line.startsWith("=");
        List<String> accented = List.copyOf(words.apply(accentsRequired ? line.substring(1).strip() : line));
        if (accented.isEmpty()) {
            throw new IllegalStateException("A safety phrase has no words: " + line);
        }
        return new Phrase(intent, accented, accented.stream().map(AccentFolding::fold).toList(), accentsRequired);
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
