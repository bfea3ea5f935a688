package vn.motcua.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void aShortTextIsOnePart() {
        assertThat(TextSplitter.split("Gọi 113.", 2000)).containsExactly("Gọi 113.");
    }

    @Test
    void aLongTextIsSplitAtSentenceEndsWithinTheLimit() {
        String sentence = "Đây không phải lỗi của bạn. ";
        String text = sentence.repeat(100);
        List<String> parts = TextSplitter.split(text, 200);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(200));
        assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("."));
        assertThat(String.join(" ", parts)).isEqualTo(text.strip());
    }
}
