package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.content.AccentFolding;

/**
 * The safety lexicon as shipped in {@code intents/}: every crisis phrase fires with and without accents, alone and
 * inside a sentence; every documented exception (an idiom that only looks like a crisis) does not. One test per
 * file, and each names every line of its file that fails, so a content change that breaks ten phrases shows all ten.
 */
class SafetyLexiconTest {

    private static final Nlu NLU = TestNlu.get();
    private static final String LEXICON_SUFFIX = ".lexicon.txt";
    private static final String EXCEPTIONS_FILE = "safety-exceptions.txt";

    private static Optional<SafetyLexicon.Match> match(String text) {
        return NLU.lexicon().match(NLU.normalizer().normalize(text));
    }

    private static String intentOf(String text) {
        return match(text).map(SafetyLexicon.Match::intent).orElse("none");
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String clean = line.strip();
            if (!clean.isEmpty() && !clean.startsWith("#")) {
                out.add(clean);
            }
        }
        return out;
    }

    /** Every crisis lexicon shipped, by file name: a new one is tested without touching this class. */
    static Stream<String> lexiconFiles() {
        Map<String, String> files = TestNlu.files().intentFiles(LEXICON_SUFFIX);
        assertThat(files.keySet()).contains("emergency" + LEXICON_SUFFIX, "self_harm" + LEXICON_SUFFIX);
        return files.keySet().stream();
    }

    private static boolean accentsRequired(String line) {
        return line.replace("~", "").startsWith("=");
    }

    /** The phrase as a person could type it: markers dropped, a "*" becomes words of the message. */
    private static String words(String line) {
        return line.replaceFirst("^[=~]+", "").strip().replace("*", "ông ta");
    }

    private static final LanguageDetector LANGUAGES = LanguageDetector.load();

    /** An English phrase is tried inside an English sentence, a Vietnamese one inside a Vietnamese sentence. */
    private static String inSentence(String phrase, String vietnamese, String english) {
        String[] frame = (LanguageDetector.ENGLISH.equals(LANGUAGES.detect(phrase)) ? english : vietnamese).split("X");
        return frame[0] + phrase + frame[1];
    }

    /** What was typed and what came out, for every line that failed: the test's message lists them all. */
    private static final class Misses {

        private final List<String> misses = new ArrayList<>();
        private int checked;

        void expect(String line, String typed, String actual, String expected) {
            checked++;
            if (!expected.equals(actual)) {
                misses.add(String.format("  %s: \"%s\" gave %s, not %s", line, typed, actual, expected));
            }
        }

        void assertNone(String what) {
            assertThat(checked).as("lines checked in " + what).isPositive();
            if (!misses.isEmpty()) {
                fail(String.format("%s: %d of %d checks failed:%n%s", what, misses.size(), checked,
                        String.join(System.lineSeparator(), misses)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lexiconFiles")
    void everyPhraseOfALexiconFileFiresAloneInsideASentenceAndWithoutAccents(String file) {
        String intent = file.substring(0, file.length() - LEXICON_SUFFIX.length());
        Misses misses = new Misses();
        for (String line : lines(TestNlu.files().intentFile(file).orElseThrow())) {
            String phrase = words(line);
            misses.expect(line, phrase, intentOf(phrase), intent);
            String urgent = inSentence(phrase, "giúp với, X ngay bây giờ", "please help, X right now");
            misses.expect(line, urgent, intentOf(urgent), intent);
            // A self-harm phrase in a sentence may read as an emergency too; both give the crisis answer first.
            String confided = inSentence(phrase, "thật sự là X rồi", "honestly X today");
            String got = intentOf(confided);
            misses.expect(line, confided, Intents.EMERGENCY.equals(got) && Intents.SELF_HARM.equals(intent) ? intent : got,
                    intent);
            if (!accentsRequired(line)) {
                String folded = AccentFolding.fold(phrase);
                misses.expect(line, folded, intentOf(folded), intent);
                misses.expect(line, folded.toUpperCase(), intentOf(folded.toUpperCase()), intent);
            }
        }
        misses.assertNone(file + " (every phrase should give " + intent + ")");
    }

    @Test
    void everyDocumentedIdiomOfTheExceptionsFileDoesNotFire() {
        Misses misses = new Misses();
        for (String line : lines(TestNlu.files().intentFile(EXCEPTIONS_FILE).orElseThrow())) {
            String idiom = words(line);
            List<String> typings = new ArrayList<>(List.of(idiom, inSentence(idiom, "trời ơi X luôn á", "oh well X again")));
            if (!accentsRequired(line)) {
                typings.add(AccentFolding.fold(idiom));
                typings.add("troi oi " + AccentFolding.fold(idiom) + " luon a");
            }
            for (String typed : typings) {
                misses.expect(line, typed, intentOf(typed), "none");
            }
        }
        misses.assertNone(EXCEPTIONS_FILE + " (no idiom should fire)");
    }

    @Test
    void idiomsMarkedAccentsOnlyStillFireWhenTypedWithoutAccentsBecauseTheyThenReadAsACrisis() {
        // "no muon chet" is also "nó muốn chết" (he or she wants to die); "nho muon chet" is also "nhỏ muốn chết".
        assertThat(intentOf("no muon chet")).isEqualTo(Intents.SELF_HARM);
        assertThat(intentOf("nho muon chet")).isEqualTo(Intents.SELF_HARM);
        assertThat(match("ăn no muốn chết")).isEmpty();
        assertThat(match("nhớ muốn chết luôn")).isEmpty();
    }

    @Test
    void crisesFireInTeencodeAndWithoutAccents() {
        Misses misses = new Misses();
        for (String[] typedAndIntent : new String[][] {
                {"cuu e voi", Intents.EMERGENCY},
                {"ck e dang danh e", Intents.EMERGENCY},
                {"CỨUUUU TÔI VỚIIII", Intents.EMERGENCY},
                {"ổng đang cầm dao dí tui", Intents.EMERGENCY},
                {"no cam dao doa giet t", Intents.EMERGENCY},
                {"bố đang đánh con ở nhà q8", Intents.EMERGENCY},
                {"🆘 ck say rượu", Intents.EMERGENCY},
                {"e mun chet", Intents.SELF_HARM},
                {"k mún sống nữa", Intents.SELF_HARM},
                {"ko muon song nua", Intents.SELF_HARM},
                {"mình tính tự tử", Intents.SELF_HARM},
                {"e vừa uống hết vỉ thuốc ngủ", Intents.SELF_HARM},
                {"muốn tự vẫn cho xong", Intents.SELF_HARM},
                {"chan song lam r", Intents.SELF_HARM}}) {
            misses.expect(typedAndIntent[0], typedAndIntent[0], intentOf(typedAndIntent[0]), typedAndIntent[1]);
        }
        misses.assertNone("teencode and unaccented crises");
    }

    @Test
    void everydayMessagesDoNotFire() {
        Misses misses = new Misses();
        for (String typed : List.of(
                "từ từ rồi tính",
                "tu tu roi tinh",
                "em muon tu van ve ly hon",
                "mình muốn tư vấn tâm lý",
                "bạn tôi làm nghiên cứu về bạo lực gia đình",
                "nghien cuu sinh hoi ve luat",
                "chồng em hay chửi em, không đánh",
                "đi đổ xăng rồi về",
                "mẹ cầm kéo cắt tóc cho con",
                "hôm nay trời nóng chết đi được",
                "cười muốn chết với con mèo nhà tui",
                "xem phim mà cười muốn chết")) {
            misses.expect(typed, typed, intentOf(typed), "none");
        }
        misses.assertNone("everyday messages");
    }

    @Test
    void anIdiomDoesNotExcuseACrisisElsewhereInTheMessage() {
        assertThat(intentOf("nãy cười muốn chết mà giờ ổng đang cầm dao đòi giết tui")).isEqualTo(Intents.EMERGENCY);
        assertThat(intentOf("nóng muốn chết, mà thôi em không muốn sống nữa")).isEqualTo(Intents.SELF_HARM);
    }

    @Test
    void aGeneralCryForHelpGivesWayToASpecificPhrase() {
        assertThat(intentOf("cứu em, em vừa cắt tay")).isEqualTo(Intents.SELF_HARM);
        assertThat(intentOf("cuu em voi, ck dang danh em")).isEqualTo(Intents.EMERGENCY);
        assertThat(intentOf("cứu em với")).isEqualTo(Intents.EMERGENCY);
    }

    @Test
    void aWildcardStandsForOneOrTwoWordsOnly() {
        assertThat(intentOf("em đang bị chồng đánh")).isEqualTo(Intents.EMERGENCY);
        assertThat(intentOf("dang bi ong ay danh")).isEqualTo(Intents.EMERGENCY);
        assertThat(match("em đang bị chồng cũ của chị họ đánh")).isEmpty();
        assertThat(match("đang bị đánh giá thấp")).isEmpty();
    }

    @Test
    void sadOrScaredToDeathIsNotExcused() {
        assertThat(intentOf("buồn muốn chết")).isEqualTo(Intents.SELF_HARM);
        assertThat(intentOf("sợ muốn chết")).isEqualTo(Intents.SELF_HARM);
    }

    @Test
    void theParserForcesTheCrisisIntentWhateverTheClassifierSays() {
        Parse parse = NLU.parser().parse("hôm nay đi chợ mua rau, à mà em muốn chết");
        assertThat(parse.intent()).isEqualTo(Intents.SELF_HARM);
        assertThat(parse.safetyPhrase()).isEqualTo("muốn chết");
        assertThat(parse.lowConfidence()).isFalse();
    }
}
