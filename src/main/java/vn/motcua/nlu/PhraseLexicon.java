package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.motcua.content.AccentFolding;

/**
 * Labelled phrases found in a message on whole words, the way people type them: a word typed with accents must carry
 * the phrase's accents ("từ từ" is not "tự tử"), a word typed without accents matches the folded phrase. The safety
 * lexicon, the follow-up questions, the dialogue acts and the cues about the writer all use it.
 *
 * <p>Line markers: {@code =phrase} matches only when typed with its accents; {@code ~phrase} is a general sign that
 * gives way to every specific phrase; {@code *} stands for one or two words of the message. Exceptions are phrases
 * that only look like a labelled one ("cười muốn chết"): a phrase overlapping an exception does not count.
 */
public final class PhraseLexicon {

    private record Phrase(String label, List<String> accented, List<String> folded, boolean accentsRequired,
                          boolean weak) {
    }

    /** A phrase found at tokens [start, end) of the message. */
    public record Hit(String label, String phrase, int start, int end, boolean weak) {
    }

    static final String WILDCARD = "*";
    private static final int WILDCARD_MAX_WORDS = 2;

    private final List<Phrase> phrases = new ArrayList<>();
    private final List<Phrase> exceptions = new ArrayList<>();

    /**
     * @param linesByLabel   label → phrase lines ({@code #} comments allowed); earlier labels and lines win a tie
     * @param exceptionLines phrases that must not count
     * @param words          splits a phrase into words the way messages are split (teencode and all)
     */
    public PhraseLexicon(Map<String, String> linesByLabel, String exceptionLines, Function<String, List<String>> words) {
        linesByLabel.forEach((label, lines) -> lines(lines).forEach(p -> phrases.add(phrase(label, p, words))));
        // Specific phrases decide before general ones, whatever their label; the sort is stable.
        phrases.sort(Comparator.comparing(Phrase::weak));
        lines(exceptionLines).forEach(p -> exceptions.add(phrase("", p, words)));
    }

    public int size() {
        return phrases.size() + exceptions.size();
    }

    public int phraseCount() {
        return phrases.size();
    }

    /** The first phrase found, specific phrases first, in the order they were given. */
    public java.util.Optional<Hit> first(NormalizedText text) {
        List<Hit> all = hits(text, true);
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
    }

    /** Every phrase found, specific phrases first, in the order they were given. */
    public List<Hit> hits(NormalizedText text) {
        return hits(text, false);
    }

    private List<Hit> hits(NormalizedText text, boolean firstOnly) {
        boolean[] excused = new boolean[text.accented().size()];
        for (Phrase exception : exceptions) {
            for (int[] span : occurrences(exception, text)) {
                for (int i = span[0]; i < span[1]; i++) {
                    excused[i] = true;
                }
            }
        }
        List<Hit> out = new ArrayList<>();
        for (Phrase phrase : phrases) {
            for (int[] span : occurrences(phrase, text)) {
                if (!coveredByException(excused, span[0], span[1])) {
                    out.add(new Hit(phrase.label(), String.join(" ", phrase.accented()), span[0], span[1],
                            phrase.weak()));
                    if (firstOnly) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static boolean coveredByException(boolean[] excused, int start, int end) {
        for (int i = start; i < end; i++) {
            if (excused[i]) {
                return true;
            }
        }
        return false;
    }

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

    private static Phrase phrase(String label, String line, Function<String, List<String>> words) {
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
            throw new IllegalStateException("A phrase needs words, and a * only between them: " + line);
        }
        return new Phrase(label, List.copyOf(accented), accented.stream().map(AccentFolding::fold).toList(),
                accentsRequired, weak);
    }

    /** The phrase lines of a text: NFC, lower case, blank lines and {@code #} comments dropped. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : Normalizer.normalize(text, Normalizer.Form.NFC).split("\\R")) {
            String clean = line.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!clean.isEmpty() && !clean.startsWith("#")) {
                out.add(clean);
            }
        }
        return out;
    }
}
