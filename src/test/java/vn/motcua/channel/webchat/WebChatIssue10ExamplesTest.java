package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.channel.webchat.ConversationScripts.Flag;
import vn.motcua.channel.webchat.ConversationScripts.Script;

/**
 * Every example quoted in issue 10, played through the web chat API as a test of the behaviour the issue asks for
 * ({@code conversations/issue10-examples.txt}): one assertion lists every example that fails and why.
 */
class WebChatIssue10ExamplesTest extends ScriptedConversationsTestBase {

    static final String FILE = "/conversations/issue10-examples.txt";

    /**
     * The messages quoted in the issue, as they are typed there ("…" stands for words left out). Each must be a
     * judged turn of the file, so that no example can be dropped from it unnoticed.
     */
    static final List<String> QUOTED = List.of(
            "chào", "xóa", "chồng em đánh em", "Cho mình hỏi thủ tục xin lệnh cấm tiếp xúc như thế nào",
            "có phải trả tiền không", "nộp đơn ở đâu", "bao lâu", "ly hon…gianh nuoi con", "chỉ tát thôi",
            "vậy e làm gì tiếp", "nó cho e đến 9h tối nay", "e vua uong het vi thuoc ngu roi", "ko muon goi ai het",
            "ko dam goi, no nghe thay", "ck đang ngồi kế bên", "có lưu tên hay số đt của e ko", "m la nguoi hay may",
            "My husband hits me. I am a foreigner living in District 7", "What number do I call in an emergency?",
            "nó đang đập cửa", "em trốn trong nhà tắm", "đang đứng trên cầu", "chết cười", "giết thời gian",
            "giết con gián", "đánh răng", "deadline dí chết", "alo", "ok", "vâng", "có", "ko", "thôi", "cảm ơn",
            "xoa het di", "xóa cuộc trò chuyện", "xóa đi", "anh ấy ngồi kế bên", "I don't want to report",
            "I don't want him jailed", "not now", "never mind");

    @Test
    void everyQuotedExampleBehavesAsTheIssueAsks() {
        List<Script> scripts = ConversationScripts.load(FILE);
        List<String> judged = scripts.stream().flatMap(s -> s.turns().stream())
                .filter(t -> !t.expect().has(Flag.CONTEXT)).map(ConversationScripts.Turn::text).toList();
        List<String> missing = new ArrayList<>();
        for (String quoted : QUOTED) {
            List<String> parts = Arrays.stream(quoted.split("…")).map(String::strip).toList();
            if (judged.stream().noneMatch(text -> parts.stream().allMatch(text::contains))) {
                missing.add(quoted);
            }
        }
        assertThat(missing).as("quoted examples of issue 10 that " + FILE + " does not test").isEmpty();

        ConversationFigure figure = run(scripts, "Issue 10's examples through the web chat (" + FILE + ")");
        publish(figure, "issue10-examples");

        assertThat(figure.failingTurns()).as("examples of issue 10 that do not behave as the issue asks").isEmpty();
    }
}
