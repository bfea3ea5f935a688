package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * English is told from Vietnamese for every message: short English is caught, and Vietnamese typed without accents or
 * in teencode is not taken for English. The training examples say which language each is in: English examples stand
 * after a "# English" line at the end of their file.
 */
class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = LanguageDetector.load();

    @Test
    void everyTrainingExampleIsReadInItsOwnLanguage() {
        List<String> wrong = new ArrayList<>();
        int english = 0;
        for (var file : TestNlu.files().intentFiles(".examples.txt").entrySet()) {
            boolean inEnglish = false;
            for (String line : file.getValue().split("\\R")) {
                String text = line.strip();
                if (text.equals("# English")) {
                    inEnglish = true;
                } else if (!text.isEmpty() && !text.startsWith("#")) {
                    english += inEnglish ? 1 : 0;
                    String expected = inEnglish ? LanguageDetector.ENGLISH : LanguageDetector.VIETNAMESE;
                    if (!expected.equals(DETECTOR.detect(text))) {
                        wrong.add(file.getKey() + ": " + text + " (expected " + expected + ")");
                    }
                }
            }
        }
        assertThat(english).isGreaterThanOrEqualTo(100);
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void shortEnglishAndTrickyVietnameseAreToldApart() {
        List<String> englishMessages = List.of("help", "HELP!!!", "help me", "my husband hits me", "he hit me",
                "What number do I call in an emergency?", "i'm scared", "I don’t feel safe", "please call me",
                "where is the shelter", "is this private", "can you speak english", "thank you so much",
                "My husband hits me. I am a foreigner living in District 7");
        List<String> vietnameseMessages = List.of("me oi", "the thi sao", "to cao o dau", "no danh e", "ban co the giup toi",
                "can giup gap", "an com chua", "ck e danh e", "help e voi", "ok", "hello", "hi ad", "sos", "113",
                "thanks ad", "bye nha", "em bi stalk tren facebook", "deadline dí chết", "inbox cho mình", "ko",
                "hotline bao nhieu", "so hotline la gi", "ex cua e doa tung anh", "e bi sexual harassment o cty",
                "ly hon can giay to gi", "vk ck cai nhau", "mình là nam", "con toi 5 tuoi", "tui o q7");
        List<String> wrong = new ArrayList<>();
        englishMessages.stream().filter(t -> !DETECTOR.detect(t).equals(LanguageDetector.ENGLISH))
                .forEach(t -> wrong.add(t + " should be English"));
        vietnameseMessages.stream().filter(t -> !DETECTOR.detect(t).equals(LanguageDetector.VIETNAMESE))
                .forEach(t -> wrong.add(t + " should be Vietnamese"));
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void anEnglishMessageKeepsItsWordsWhereTeencodeWouldRewriteThem() {
        NormalizedText english = TestNlu.get().normalizer().normalize("I am a foreigner, he took my phone");
        assertThat(english.language()).isEqualTo(LanguageDetector.ENGLISH);
        assertThat(english.accented()).contains("a", "i").doesNotContain("anh");
        NormalizedText vietnamese = TestNlu.get().normalizer().normalize("a oi cuu e");
        assertThat(vietnamese.accented()).containsExactly("anh", "oi", "cuu", "em");
    }

    @Test
    void vietnameseSpellingIsRecognisedWithoutItsMarks() {
        for (String word : List.of("nguoi", "nghieng", "khuya", "quyen", "xoong", "gi", "giet", "truong", "ruou")) {
            assertThat(LanguageDetector.isVietnameseSyllable(word)).as(word).isTrue();
        }
        for (String word : List.of("help", "husband", "what", "die", "call", "gha", "ngha")) {
            assertThat(LanguageDetector.isVietnameseSyllable(word)).as(word).isFalse();
        }
    }
}
