package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = NluFactory.normalizer(TestNlu.get().examples());

    private List<String> words(String text) {
        return normalizer.normalize(text).accented();
    }

    private List<String> folded(String text) {
        return normalizer.normalize(text).folded();
    }

    @Test
    void expandsTeencodeTheWayThisDomainMeansIt() {
        assertThat(words("ck e đánh e")).containsExactly("chồng", "em", "đánh", "em");
        assertThat(words("ko bít làm sao")).containsExactly("không", "biết", "làm", "sao");
        assertThat(words("vk ck cãi nhau, ny e dọa tung ảnh")).startsWith("vợ", "chồng", "cãi", "nhau", "người", "yêu");
        assertThat(words("e mún chết")).containsExactly("em", "muốn", "chết");
    }

    @Test
    void keepsAnAccentFoldedFormBesideTheAccentedOne() {
        var text = normalizer.normalize("Chồng tôi ĐÁNH tôi, đau lắm");
        assertThat(text.accented()).containsExactly("chồng", "tôi", "đánh", "tôi", "đau", "lắm");
        assertThat(text.folded()).containsExactly("chong", "toi", "danh", "toi", "dau", "lam");
    }

    @Test
    void readsDecomposedInputLikeComposedInput() {
        String decomposed = Normalizer.normalize("cứu tôi với", Normalizer.Form.NFD);
        assertThat(words(decomposed)).containsExactly("cứu", "tôi", "với");
    }

    @Test
    void squeezesStretchedLettersBackToRealWords() {
        assertThat(words("cứuuuu")).containsExactly("cứu");
        assertThat(folded("cuuuuu em voiiii")).containsExactly("cuu", "em", "voi");
        assertThat(words("koooo")).containsExactly("không");
        assertThat(words("chàooo ạ")).containsExactly("chào", "ạ");
    }

    @Test
    void keepsNumbersAndSplitsShortFormsGluedToThem() {
        assertThat(words("con tôi 13 tuổi")).containsExactly("con", "tôi", "13", "tuổi");
        assertThat(words("bé 9t ở q7")).containsExactly("bé", "9", "tuổi", "ở", "quận", "7");
        assertThat(words("Q.7")).containsExactly("quận", "7");
        assertThat(words("quận 7")).containsExactly("quận", "7");
        assertThat(words("gọi 113 hay 111")).containsExactly("gọi", "113", "hay", "111");
    }

    @Test
    void dropsPunctuationAndEmojiButKeepsTheOnesThatSpeak() {
        assertThat(words("alo!!! có ai ko??? 😀❤️👍🏻")).containsExactly("alo", "có", "ai", "không");
        assertThat(words("🆘🆘")).containsExactly("sos", "sos");
        assertThat(words("buồn quá 😭")).containsExactly("buồn", "quá", "khóc");
    }

    @Test
    void treatsAnEmptyOrMissingMessageAsNoWords() {
        assertThat(normalizer.normalize("").isEmpty()).isTrue();
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("?!... 😶").isEmpty()).isTrue();
    }

    @Test
    void squeezesOnlyWhatTheVocabularyDoesNotKnow() {
        TextNormalizer small = new TextNormalizer(Map.of(), Set.of("cuu", "ngu"));
        assertThat(small.normalize("cuuu nguu").folded()).containsExactly("cuu", "ngu");
        // A doubled letter that is not stretching and not in the vocabulary stays as typed.
        assertThat(small.normalize("xoong").folded()).containsExactly("xoong");
    }
}
