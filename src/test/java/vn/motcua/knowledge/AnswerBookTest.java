package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.message.QuickReplyOption;
import vn.motcua.dialogue.Payloads;
import vn.motcua.nlu.Intents;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** The content staff write: complete, within the platforms' limits, and never a number nobody confirmed. */
class AnswerBookTest {

    private static final Pattern PHONE = Pattern.compile("(?<![\\d/])(11\\d|1[89]00(?:[ .]?\\d){4,6}|0\\d(?:[ .]?\\d){7,9})(?![\\d/])");

    private final ContentFiles content = new ContentFiles(ContentProperties.of(null));
    private final AnswerBook book = new AnswerBook(content);
    private final ServiceDirectory directory = new ServiceDirectory(content);
    private final AnswerComposer composer = new AnswerComposer(directory);

    @Test
    void everyIntentHasAnAnswerAndATopic() {
        for (String intent : Intents.ALL) {
            String variant = Intents.DELETE_DATA.equals(intent) ? "confirm" : "default";
            assertThat(book.find(intent, variant)).as(intent).isPresent();
            assertThat(book.topic(intent)).as(intent).isPresent();
        }
    }

    /**
     * Every answer, as composed with the directory for any place, fits every channel in one message: text within
     * 2,000 characters (Messenger, Zalo, web chat), at most 5 buttons (Zalo shows 5; Messenger allows 13), titles
     * within 20 characters (Messenger).
     */
    @Test
    void everyAnswerFitsEveryChannelAndEveryButtonLeadsSomewhere() {
        for (String district : new String[] {null, "Gò Vấp", "Quận 10", "Bình Chánh"}) {
            book.all().forEach((intent, variants) -> variants.forEach((variant, written) -> {
                Answer composed = composer.compose(written, district);
                assertThat(composed.text().length()).as(intent + "/" + variant + " in " + district).isLessThanOrEqualTo(2000);
            }));
        }
        book.all().forEach((intent, variants) -> variants.forEach((variant, answer) -> {
            String where = intent + "/" + variant;
            assertThat(answer.quickReplies()).as(where).hasSizeLessThanOrEqualTo(5);
            answer.quickReplies().forEach(q -> {
                assertThat(q.title().length()).as(where + " " + q.title()).isLessThanOrEqualTo(20);
                assertThat(Payloads.intentOf(q.payload()).isPresent()
                        || q.payload().equals(Payloads.ERASE_CONFIRM) || q.payload().equals(Payloads.ERASE_CANCEL)
                        || Payloads.isSafetyAnswer(q.payload()) || isDirectoryNumber(q.payload()))
                        .as(where + " " + q.payload()).isTrue();
            });
        }));
        book.all().keySet().forEach(intent ->
                book.topic(intent).ifPresent(topic -> assertThat(topic.length()).as(intent).isLessThanOrEqualTo(20)));
    }

    /** A call button may only dial a number the directory carries. */
    private boolean isDirectoryNumber(String payload) {
        return new QuickReplyOption("", payload).dials() && directory.all().stream().flatMap(e -> e.phones().stream())
                .anyMatch(p -> p.dialable().equals(payload.substring(QuickReplyOption.CALL_PREFIX.length())));
    }

    @Test
    void aLegalQuestionGetsTheAnswerThatFitsIt() {
        assertThat(book.variantFor("legal_rights", "chồng đánh vợ bị phạt bao nhiêu tiền")).isEqualTo("fines");
        assertThat(book.variantFor("legal_rights", "chong danh vo bi phat bao nhieu")).isEqualTo("fines");
        assertThat(book.variantFor("legal_rights", "lệnh cấm tiếp xúc là gì")).isEqualTo("no_contact");
        assertThat(book.variantFor("legal_rights", "e mun ly hon thi sao")).isEqualTo("divorce_custody");
        assertThat(book.variantFor("legal_rights", "luật có bảo vệ tôi không")).isEqualTo("default");
        assertThat(book.variantFor("hotline", "bị phạt bao nhiêu")).isEqualTo("default");
        assertThat(book.get("legal_rights", "fines").text()).contains("282/2025/NĐ-CP").doesNotContain("144/2021");
    }

    @Test
    void theEmergencyAnswerPuts113OnItsFirstLine() {
        assertThat(book.get(Intents.EMERGENCY, "default").text().lines().findFirst().orElseThrow()).contains("113");
        assertThat(book.get(Intents.SELF_HARM, "default").text()).contains("115");
        assertThat(book.get(Intents.CHILD_ABUSE, "default").text()).contains("111");
    }

    @Test
    void noRenderedAnswerGivesAPhoneNumberThatIsNotInTheDirectoryAndEveryNumberHasASource() {
        Set<String> known = new java.util.HashSet<>();
        directory.all().forEach(e -> e.phones().forEach(p -> known.add(p.dialable())));
        List<String> problems = new ArrayList<>();
        for (String district : new String[] {null, "Gò Vấp", "Quận 10", "Củ Chi"}) {
            book.all().forEach((intent, variants) -> variants.forEach((variant, written) -> {
            Answer answer = composer.compose(written, district);
            Matcher m = PHONE.matcher(answer.text());
            while (m.find()) {
                String digits = m.group(1).replaceAll("[ .]", "");
                if (!known.contains(digits)) {
                    problems.add(intent + "/" + variant + ": " + m.group(1));
                }
                if (answer.sources().isEmpty()) {
                    problems.add(intent + "/" + variant + ": a number without a source");
                }
            }
            if (answer.text().contains("1900 969 680")) {
                assertThat(answer.text()).as(intent + "/" + variant)
                        .contains(answer.english() ? "not confirmed" : "chưa được xác nhận");
            }
            assertThat(answer.text()).as(intent + "/" + variant).doesNotContain(Answer.SERVICES_PLACEHOLDER);
            }));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aBrokenAnswerFileStopsStartUpNamingTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/greeting.answers.yml"), "answers:\n  default:\n    quick_replies: []\n");
        assertThatThrownBy(() -> new AnswerBook(new ContentFiles(ContentProperties.of(dir.toString()))))
                .hasMessageContaining("greeting.answers.yml").hasMessageContaining("no text");

        Files.writeString(dir.resolve("intents/greeting.answers.yml"), "answers: [unclosed\n");
        assertThatThrownBy(() -> new AnswerBook(new ContentFiles(ContentProperties.of(dir.toString()))))
                .hasMessageContaining("greeting.answers.yml");
    }

    @Test
    void contentCanComeFromAFolderInsteadOfThePackagedCopy(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("intents"));
        Files.writeString(dir.resolve("intents/greeting.answers.yml"),
                "topic: \"Chào\"\nanswers:\n  default:\n    text: \"Xin chào bạn.\"\n");
        AnswerBook fromFolder = new AnswerBook(new ContentFiles(ContentProperties.of(dir.toString())));
        assertThat(fromFolder.get("greeting", "default").text()).isEqualTo("Xin chào bạn.");
        assertThat(fromFolder.all()).containsOnlyKeys("greeting");
        assertThat(Map.copyOf(fromFolder.all())).hasSize(1);
    }
}
