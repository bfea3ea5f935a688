package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.channel.webchat.ConversationPlayer.Button;
import vn.motcua.channel.webchat.ConversationPlayer.Message;
import vn.motcua.channel.webchat.ConversationPlayer.Played;
import vn.motcua.channel.webchat.TurnJudge.Kind;
import vn.motcua.channel.webchat.TurnJudge.Verdict;
import vn.motcua.message.Priority;

/** The judge of the scripted conversations finds what it is there to find, and nothing else. */
class TurnJudgeTest {

    private final TurnJudge judge = new TurnJudge(List.of("Mình chưa hiểu rõ ý bạn"));

    @Test
    void dangerNeeds113FirstAndACriticalEscalation() {
        String emergency = "Nếu bạn đang gặp nguy hiểm, gọi ngay 113 (công an). Bị thương: gọi 115.";
        assertThat(kinds(judge("> nó đang đập cửa\n  danger", List.of(bot(emergency)), List.of("emergency"),
                Priority.CRITICAL))).isEmpty();
        assertThat(kinds(judge("> nó đang đập cửa\n  danger", List.of(bot("Bị thương: gọi 115. Nguy hiểm: 113.")),
                List.of("emergency"), Priority.CRITICAL))).containsExactly(Kind.MISSED_CRISIS);
        assertThat(kinds(judge("> nó đang đập cửa\n  danger", List.of(bot(emergency)), List.of("emergency"),
                Priority.HIGH))).containsExactly(Kind.MISSED_CRISIS);
    }

    @Test
    void aCrisisAnswerToAnOrdinaryMessageIsAFalseCrisisUnlessAllowed() {
        List<Message> selfHarm = List.of(bot("Bạn không một mình. Gọi ngay 115."));
        assertThat(kinds(judge("> deadline dí chết", selfHarm, List.of("self_harm"), Priority.CRITICAL)))
                .containsExactly(Kind.FALSE_CRISIS);
        assertThat(kinds(judge("> ko can dau\n  crisis-ok", selfHarm, List.of("self_harm"), Priority.CRITICAL)))
                .isEmpty();
    }

    @Test
    void clarifyRepeatsFactsAndLanguageAreCounted() {
        Message clarify = bot("Mình chưa hiểu rõ ý bạn. Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113.");
        assertThat(kinds(judge("> bao lâu", List.of(clarify), Collections.singletonList(null), null)))
                .containsExactly(Kind.CLARIFY);
        assertThat(kinds(judge("> ...\n  unclear-ok", List.of(clarify), Collections.singletonList(null), null))).isEmpty();

        Message answer = bot("Cấm tiếp xúc: tối đa 03 ngày (Điều 25). Nếu đang gặp nguy hiểm, gọi 113.");
        Played again = played("> bao lâu", List.of(answer), List.of("legal_rights"), null);
        assertThat(kinds(judge.judge(again, List.of(answer)))).containsExactly(Kind.REPEAT);

        assertThat(kinds(judge("> bao lâu\n  says: 12 giờ | 03 ngày", List.of(answer), List.of("legal_rights"),
                null))).containsExactly(Kind.FACT);
        assertThat(kinds(judge("> bao lâu\n  says-any: 12 giờ | 03 ngày\n  never: 114\n  first: 113",
                List.of(answer), List.of("legal_rights"), null))).isEmpty();
        assertThat(kinds(judge("> which number\n  english", List.of(answer), List.of("hotline"), null)))
                .containsExactly(Kind.LANGUAGE);
        assertThat(kinds(judge("> which number\n  english", List.of(bot("In danger, call 113 (police).")),
                List.of("hotline"), null))).isEmpty();
    }

    @Test
    void buttonsAndErasure() {
        Message confirm = new Message("bot", "Bạn có muốn xóa toàn bộ cuộc trò chuyện này không?",
                List.of(new Button("Xóa hết", "ERASE:CONFIRM")));
        assertThat(kinds(judge("> xóa\n  button: ERASE:CONFIRM | Xóa hết", List.of(confirm), List.of("delete_data"),
                null))).isEmpty();
        assertThat(kinds(judge("> có\n  erased", List.of(bot("Vâng.")), List.of("affirm"), null)))
                .containsExactly(Kind.ERASURE);
    }

    @Test
    void phoneNumbersAreNumbersNotLawsSumsOrAddresses() {
        assertThat(AnswerFacts.phoneNumbers("Luật 13/2022/QH15, phạt 5–10 triệu, 128 Hồng Bàng, Phường 12; gọi 113,"
                + " 111 hoặc 1900 54 55 59; CSAGA 024 3333 5599; 72 giờ"))
                .containsExactly("113", "111", "1900545559", "02433335599");
    }

    @Test
    void aScriptWithAnUnknownWordIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ConversationScripts.parse("=== 1 t\n> chào\n  dangerous\n", "f.txt"))
                .hasMessageContaining("f.txt:3").hasMessageContaining("dangerous");
        assertThatThrownBy(() -> ConversationScripts.parse("=== 1 t\n> chào\n  sayz: 113\n", "f.txt"))
                .hasMessageContaining("f.txt:3").hasMessageContaining("sayz");
    }

    private Verdict judge(String script, List<Message> messages, List<String> intents, Priority after) {
        return judge.judge(played(script, messages, intents, after), List.of());
    }

    private static Played played(String script, List<Message> messages, List<String> intents, Priority after) {
        ConversationScripts.Turn turn = ConversationScripts.parse("=== t test\n" + script, "test").get(0).turns()
                .get(0);
        return new Played(turn, messages, intents, null, after, false, null);
    }

    private static Message bot(String text) {
        return new Message("bot", text, List.of());
    }

    private static List<Kind> kinds(Verdict verdict) {
        return verdict.problems().stream().map(TurnJudge.Problem::kind).toList();
    }
}
