package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes Vietnamese as people type it in chat: NFC, lower case, punctuation and emoji dropped, numbers kept,
 * teencode expanded ("ko" → "không"), stretched letters squeezed ("cứuuuu" → "cứu").
 */
public final class TextNormalizer {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}]+");
    private static final Pattern RUN = Pattern.compile("(\\p{L})\\1+");
    private static final Pattern LONG_RUN = Pattern.compile("(\\p{L})\\1{2,}");

    private final Map<String, String> teencode;
    private final Set<String> vocabulary;

    /**
     * @param teencode   abbreviation → expansion, matched on whole tokens exactly as typed
     * @param vocabulary folded words known from the training data, used to squeeze stretched letters correctly
     *                   ("cuuuu" → "cuu", the folded "cứu", not "cu")
     */
    public TextNormalizer(Map<String, String> teencode, Set<String> vocabulary) {
        this.teencode = Map.copyOf(teencode);
        this.vocabulary = Set.copyOf(vocabulary);
    }

    public NormalizedText normalize(String text) {
        String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> accented = new ArrayList<>();
        for (String raw : NOT_WORD.split(clean)) {
            if (raw.isEmpty()) {
                continue;
            }
            String token = squeeze(raw);
            String expansion = teencode.get(token);
            if (expansion == null) {
                accented.add(token);
            } else {
                for (String part : expansion.split(" ")) {
                    accented.add(part);
                }
            }
        }
        List<String> folded = accented.stream().map(AccentFolding::fold).toList();
        return new NormalizedText(List.copyOf(accented), folded);
    }

    /** Folded tokens of a text, without teencode or squeezing: how training examples build the vocabulary. */
    public static List<String> plainFoldedTokens(String text) {
        String clean = AccentFolding.fold(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        return List.of(NOT_WORD.split(clean)).stream().filter(t -> !t.isEmpty()).toList();
    }

    private String squeeze(String token) {
        if (teencode.containsKey(token) || !RUN.matcher(token).find()) {
            return token;
        }
        String folded = AccentFolding.fold(token);
        if (vocabulary.contains(folded)) {
            return token;
        }
        String single = replaceRuns(token, 1);
        String pair = replaceRuns(token, 2);
        // A doubled letter is real in folded words ("cuu" is "cứu"), so try keeping pairs first.
        if (vocabulary.contains(AccentFolding.fold(pair))) {
            return pair;
        }
        if (vocabulary.contains(AccentFolding.fold(single))) {
            return single;
        }
        // No Vietnamese syllable has a letter three times in a row: that is stretching for emphasis.
        return LONG_RUN.matcher(token).find() ? single : token;
    }

    private static String replaceRuns(String token, int keep) {
        Matcher m = RUN.matcher(token);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Math.min(keep, m.group().length()))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
