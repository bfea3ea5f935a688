package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.content.AccentFolding;

/**
 * The safety lexicon as shipped in {@code intents/}: every crisis phrase fires with and without accents, inside a
 * sentence and in teencode; every documented exception (an idiom that only looks like a crisis) does not.
 */
class SafetyLexiconTest {

    private static final Nlu NLU = TestNlu.get();

    private static Optional<SafetyLexicon.Match> match(String text) {
        return NLU.lexicon().match(NLU.normalizer().normalize(text));
    }

    private static String intentOf(String text) {
        return match(text).map(SafetyLexicon.Match::intent).orElse("none");
    }

    private static List<String> lines(String file) {
        String text = TestNlu.files().intentFiles(file).values().stream().findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String clean = line.strip();
            if (!clean.isEmpty() && !clean.startsWith("#")) {
                out.add(clean);
            }
        }
        return out;
    }

    static Stream<String> emergencyPhrases() {
        return lines("emergency.lexicon.txt").stream();
    }

    static Stream<String> selfHarmPhrases() {
        return lines("self_harm.lexicon.txt").stream();
    }

    static Stream<String> exceptions() {
        return lines("safety-exceptions.txt").stream();
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

    @ParameterizedTest
    @MethodSource("emergencyPhrases")
    void everyEmergencyPhraseFiresWithAndWithoutAccentsInsideASentence(String line) {
        String phrase = words(line);
        assertThat(intentOf(inSentence(phrase, "giúp với, X ngay bây giờ", "please help, X right now")))
                .isEqualTo(Intents.EMERGENCY);
        if (!accentsRequired(line)) {
            assertThat(intentOf(AccentFolding.fold(phrase).toUpperCase())).isEqualTo(Intents.EMERGENCY);
        }
    }

    @ParameterizedTest
    @MethodSource("selfHarmPhrases")
    void everySelfHarmPhraseFiresWithAndWithoutAccentsInsideASentence(String line) {
        String phrase = words(line);
        assertThat(intentOf(inSentence(phrase, "thật sự là X rồi", "honestly X today")))
                .isIn(Intents.SELF_HARM, Intents.EMERGENCY);
        assertThat(intentOf(phrase)).isEqualTo(Intents.SELF_HARM);
        if (!accentsRequired(line)) {
            assertThat(intentOf(AccentFolding.fold(phrase))).isEqualTo(Intents.SELF_HARM);
        }
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void everyDocumentedIdiomDoesNotFire(String line) {
        String idiom = words(line);
        assertThat(match(inSentence(idiom, "trời ơi X luôn á", "oh well X again"))).isEmpty();
        if (!accentsRequired(line)) {
            assertThat(match(AccentFolding.fold(idiom))).isEmpty();
        }
    }

    @Test
    void idiomsMarkedAccentsOnlyStillFireWhenTypedWithoutAccentsBecauseTheyThenReadAsACrisis() {
        // "no muon chet" is also "nó muốn chết" (he or she wants to die); "nho muon chet" is also "nhỏ muốn chết".
        assertThat(intentOf("no muon chet")).isEqualTo(Intents.SELF_HARM);
        assertThat(intentOf("nho muon chet")).isEqualTo(Intents.SELF_HARM);
        assertThat(match("ăn no muốn chết")).isEmpty();
        assertThat(match("nhớ muốn chết luôn")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cuu e voi|emergency",
            "ck e dang danh e|emergency",
            "CỨUUUU TÔI VỚIIII|emergency",
            "ổng đang cầm dao dí tui|emergency",
            "no cam dao doa giet t|emergency",
            "bố đang đánh con ở nhà q8|emergency",
            "🆘 ck say rượu|emergency",
            "e mun chet|self_harm",
            "k mún sống nữa|self_harm",
            "ko muon song nua|self_harm",
            "mình tính tự tử|self_harm",
            "e vừa uống hết vỉ thuốc ngủ|self_harm",
            "muốn tự vẫn cho xong|self_harm",
            "chan song lam r|self_harm"})
    void crisisFiresInTeencodeAndWithoutAccents(String text, String intent) {
        assertThat(intentOf(text)).isEqualTo(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {
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
            "xem phim mà cười muốn chết"})
    void everydayMessagesDoNotFire(String text) {
        assertThat(match(text)).isEmpty();
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
