package vn.motcua.nlu;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message tells about the person writing it, beyond the intent: that a phone call is not possible now ("ko dam
 * goi, no nghe thay"), and that the writer is a child ("em 12 tuổi", "em học lớp 6", "bố dượng đánh em"). Phrases come
 * from {@code nlu/writer-cues.tsv}; ages and school years are read here.
 */
public final class WriterCues {

    static final String RESOURCE = "nlu/writer-cues.tsv";
    static final String CANNOT_CALL = "cannot_call";
    static final String CHILD = "child";
    /** Below this age the writer is a child for the bot: minors, as the child-protection numbers serve them. */
    static final int ADULT_AGE = 18;

    /** "em 12 tuổi", "con năm nay 10 tuổi", "mình mới 15 tuổi" (folded text). */
    private static final Pattern AGE = Pattern.compile(
            "(?:^| )(?:(\\p{L}+) )?(?:em|con|chau|minh|to|tui|toi|tao)(?: nam nay| nay| moi| da| chi| con)? (\\d{1,2}) tuoi");
    /** "em học lớp 6", "con đang học lớp 3", "mình lớp 9". */
    private static final Pattern GRADE = Pattern.compile(
            "(?:^| )(?:(\\p{L}+) )?(?:em|con|chau|minh|to|tui|toi)(?: dang| moi| con)?(?: hoc)? lop (\\d{1,2})(?: |$)");
    /** "i am 12", "i'm 13 years old", "im 14". */
    private static final Pattern ENGLISH_AGE = Pattern.compile("(?:^| )(?:i am|im|i m) (\\d{1,2})(?: years? old)?(?: |$)");
    /** A word before the pronoun that makes it someone else's: "con em 12 tuổi" is my child, not me. */
    private static final Set<String> POSSESSORS = Set.of("con", "be", "chau", "ban", "gai", "trai", "cua", "nha", "dua",
            "em", "anh", "chi", "cho");

    private final PhraseLexicon phrases;

    public WriterCues(Function<String, List<String>> words) {
        Map<String, String> lines = LabelledPhrases.read(RESOURCE);
        this.phrases = new PhraseLexicon(lines, "", words);
    }

    public boolean cannotCall(NormalizedText text) {
        return !cannotCallSpans(text).isEmpty();
    }

    /** The [start, end) tokens of every "I cannot call" phrase in the message. */
    public List<int[]> cannotCallSpans(NormalizedText text) {
        return phrases.hits(text).stream().filter(h -> CANNOT_CALL.equals(h.label()))
                .map(h -> new int[] {h.start(), h.end()}).toList();
    }

    public boolean childSpeaking(NormalizedText text) {
        String folded = text.foldedText();
        return minorAge(AGE.matcher(folded), ADULT_AGE) || minorAge(GRADE.matcher(folded), 13)
                || minorAge(ENGLISH_AGE.matcher(folded), ADULT_AGE)
                || phrases.hits(text).stream().anyMatch(h -> CHILD.equals(h.label()));
    }

    private static boolean minorAge(Matcher m, int below) {
        while (m.find()) {
            String before = m.groupCount() > 1 ? m.group(1) : null;
            String number = m.group(m.groupCount());
            if ((before == null || !POSSESSORS.contains(before)) && Integer.parseInt(number) < below) {
                return true;
            }
        }
        return false;
    }
}
