package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.content.AccentFolding;

/**
 * Tells, for one message, whether it is written in English or in Vietnamese. Short English must be caught ("help",
 * "my husband hits me"), and Vietnamese typed without accents must not be mistaken for it ("me", "the", "to", "no"
 * are Vietnamese syllables too: mẹ, thế, tố, nó).
 *
 * <p>Each word votes. A word with Vietnamese letters or tone marks is strong Vietnamese evidence (2). A word that can
 * be a Vietnamese syllable (checked against Vietnamese spelling: initial consonant, vowel cluster, final) and is not
 * a listed English word counts 1 for Vietnamese. A listed English word counts 1 for English, or ½ when it is also a
 * possible Vietnamese syllable. Loanwords of everyday Vietnamese chat ("ok", "hello", "sorry") and teencode that fits
 * neither count for nothing. The message is English when English has at least 1 and more than Vietnamese; a message
 * with no evidence either way ("ok", "113") is Vietnamese, the service's language.
 */
public final class LanguageDetector {

    public static final String VIETNAMESE = "vi";
    public static final String ENGLISH = "en";
    static final String RESOURCE = "nlu/english-words.txt";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:'[\\p{L}]+)?");
    /** Letters that only Vietnamese uses among the two languages: đ and every vowel with a mark. */
    private static final Pattern VIETNAMESE_LETTER = Pattern.compile("[đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]");
    /**
     * A Vietnamese syllable without its marks: an optional initial consonant, then an open rhyme, or a vowel nucleus
     * with a final consonant. "gh" and "ngh" only before e and i, as Vietnamese spells them.
     */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(?:(?:ngh|gh)(?=[ei])|ng|nh|ch|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                    + "(?:(?:oai|oay|oeo|uay|uoi|uou|uya|uyu|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|a|e|i|o|u|y)"
                    + "|(?:uye|oa|oe|ie|ye|uo|uy|ua|ue|oo|a|e|i|o|u)(?:ng|nh|ch|[cmnpt]))");

    private final Set<String> english;
    private final Set<String> loanwords;

    LanguageDetector(Set<String> english, Set<String> loanwords) {
        this.english = Set.copyOf(english);
        this.loanwords = Set.copyOf(loanwords);
    }

    /** The detector with the word list shipped in the jar. */
    public static LanguageDetector load() {
        try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> english = new HashSet<>();
            Set<String> loanwords = new HashSet<>();
            boolean inLoanwords = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.equals("# loanwords")) {
                    inLoanwords = true;
                } else if (!word.isEmpty() && !word.startsWith("#")) {
                    (inLoanwords ? loanwords : english).add(word);
                }
            }
            english.removeAll(loanwords);
            return new LanguageDetector(english, loanwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "en" or "vi". */
    public String detect(String text) {
        String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('’', '\'');
        double englishVotes = 0;
        double vietnameseVotes = 0;
        var words = WORD.matcher(clean);
        while (words.find()) {
            String word = words.group();
            if (VIETNAMESE_LETTER.matcher(word).find()) {
                vietnameseVotes += 2;
                continue;
            }
            if (loanwords.contains(word)) {
                continue;
            }
            boolean syllable = isVietnameseSyllable(word);
            if (english.contains(word)) {
                englishVotes += syllable ? 0.5 : 1;
            } else if (syllable) {
                vietnameseVotes += 1;
            }
        }
        return englishVotes >= 1 && englishVotes > vietnameseVotes ? ENGLISH : VIETNAMESE;
    }

    static boolean isVietnameseSyllable(String word) {
        return SYLLABLE.matcher(AccentFolding.fold(word)).matches();
    }
}
