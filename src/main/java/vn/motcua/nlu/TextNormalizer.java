package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.content.AccentFolding;

/**
 * Normalizes Vietnamese as people type it in chat: NFC, lower case, punctuation and emoji dropped (the few emoji
 * that carry meaning here become words), numbers kept ("13 tuổi", "quận 7"), teencode expanded ("ko" → "không"),
 * stretched letters squeezed ("cứuuuu" → "cứu"), and short forms glued to a number split ("q7" → "quận 7",
 * "13t" → "13 tuổi").
 */
public final class TextNormalizer {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}]+");
    /** Variation selectors, joiners and keycaps: marks that belong to emoji, not to words. */
    private static final Pattern EMOJI_MARKS = Pattern.compile("[\\uFE0E\\uFE0F\\u200D\\u20E3]");
    private static final Pattern RUN = Pattern.compile("(\\p{L})\\1+");
    private static final Pattern LONG_RUN = Pattern.compile("(\\p{L})\\1{2,}");
    /** "q7", "p12": a district or ward number glued to its letter. */
    private static final Pattern UNIT_NUMBER = Pattern.compile("([qp])(\\d{1,2})");
    /** "13t", "13tuoi", "13tuổi": an age glued to its unit. */
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(t|tuoi|tuổi)");

    /**
     * Emoji that say something in this domain. Every other emoji is dropped with the punctuation. "🆘" must reach the
     * safety lexicon as a word; crying faces are how many people say they are not well.
     */
    private static final Map<String, String> EMOJI_WORDS = Map.of(
            "🆘", " sos ",
            "😭", " khóc ",
            "😢", " khóc ",
            "👋", " chào ");

    private final Map<String, String> teencode;
    private final Set<String> vocabulary;
    private final LanguageDetector languages;

    /**
     * @param teencode   abbreviation → expansion, matched on whole tokens exactly as typed
     * @param vocabulary folded words known from the training data, used to squeeze stretched letters correctly
     *                   ("cuuuu" → "cuu", the folded "cứu", not "cu")
     */
    public TextNormalizer(Map<String, String> teencode, Set<String> vocabulary) {
        this(teencode, vocabulary, LanguageDetector.load());
    }

    /**
     * @param languages tells English from Vietnamese: an English message keeps its words as typed, because teencode
     *                  would read English words as Vietnamese ones ("a" → "anh", "m" → "mày", "bit" → "biết")
     */
    public TextNormalizer(Map<String, String> teencode, Set<String> vocabulary, LanguageDetector languages) {
        this.teencode = Map.copyOf(teencode);
        this.vocabulary = Set.copyOf(vocabulary);
        this.languages = languages;
    }

    public NormalizedText normalize(String text) {
        String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        clean = EMOJI_MARKS.matcher(clean).replaceAll(" ");
        for (Map.Entry<String, String> emoji : EMOJI_WORDS.entrySet()) {
            if (clean.contains(emoji.getKey())) {
                clean = clean.replace(emoji.getKey(), emoji.getValue());
            }
        }
        String language = languages.detect(clean);
        boolean english = LanguageDetector.ENGLISH.equals(language);
        // "don't", "I'm": an apostrophe inside an English word keeps it whole.
        if (english) {
            clean = clean.replaceAll("(\\p{L})['’](\\p{L})", "$1$2");
        }
        List<String> accented = new ArrayList<>();
        for (String raw : NOT_WORD.split(clean)) {
            if (!raw.isEmpty()) {
                addToken(squeeze(raw), accented, !english);
            }
        }
        List<String> folded = accented.stream().map(AccentFolding::fold).toList();
        return new NormalizedText(List.copyOf(accented), folded, language);
    }

    private void addToken(String token, List<String> out, boolean expandTeencode) {
        String expansion = expandTeencode ? teencode.get(token) : null;
        if (expansion != null) {
            for (String part : expansion.split(" ")) {
                out.add(part);
            }
            return;
        }
        Matcher unit = UNIT_NUMBER.matcher(token);
        if (unit.matches()) {
            addToken(unit.group(1), out, expandTeencode);
            out.add(unit.group(2));
            return;
        }
        Matcher age = AGE.matcher(token);
        if (age.matches()) {
            out.add(age.group(1));
            out.add("tuổi");
            return;
        }
        out.add(token);
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
        // Examples are written as people type, so the vocabulary holds stretched words too ("cứuuuu"): trust it only
        // for doubled letters, never for a letter three times in a row.
        if (vocabulary.contains(folded) && !LONG_RUN.matcher(token).find()) {
            return token;
        }
        String single = replaceRuns(token, 1);
        String pair = replaceRuns(token, 2);
        // A doubled letter is real in folded words ("cuu" is "cứu"), so try keeping pairs first.
        if (vocabulary.contains(AccentFolding.fold(pair))) {
            return pair;
        }
        if (vocabulary.contains(AccentFolding.fold(single)) || teencode.containsKey(single)) {
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
