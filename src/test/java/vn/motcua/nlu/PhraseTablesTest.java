package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The phrase tables the parser ships: short answers (nlu/dialogue-acts.tsv), follow-up questions
 * (nlu/follow-ups.tsv and the words that carry no topic), and what a message says about the writer
 * (nlu/writer-cues.tsv). Each test lists every message that is read wrong.
 */
class PhraseTablesTest {

    private static final Nlu NLU = TestNlu.get();

    private static NormalizedText normalize(String text) {
        return NLU.normalizer().normalize(text);
    }

    @Test
    void shortAnswersAreReadAsTheirActAndNothingLongerIs() {
        Map<String, DialogueAct> cases = Map.ofEntries(
                Map.entry("ok", DialogueAct.AFFIRM), Map.entry("oke ạ", DialogueAct.AFFIRM),
                Map.entry("dạ vâng", DialogueAct.AFFIRM), Map.entry("có ạ", DialogueAct.AFFIRM),
                Map.entry("uk", DialogueAct.AFFIRM), Map.entry("đúng rồi bạn", DialogueAct.AFFIRM),
                Map.entry("yes", DialogueAct.AFFIRM), Map.entry("dc", DialogueAct.AFFIRM),
                Map.entry("ko", DialogueAct.DENY), Map.entry("k", DialogueAct.DENY),
                Map.entry("dạ không", DialogueAct.DENY), Map.entry("chưa ạ", DialogueAct.DENY),
                Map.entry("ko cần đâu bạn", DialogueAct.DENY), Map.entry("no", DialogueAct.DENY),
                Map.entry("thôi", DialogueAct.NEVER_MIND), Map.entry("thui", DialogueAct.NEVER_MIND),
                Map.entry("thôi để sau nha", DialogueAct.NEVER_MIND), Map.entry("không sao", DialogueAct.NEVER_MIND),
                Map.entry("lúc khác", DialogueAct.NEVER_MIND), Map.entry("not now", DialogueAct.NEVER_MIND),
                Map.entry("ok cảm ơn", DialogueAct.NONE), Map.entry("có mất tiền ko", DialogueAct.NONE),
                Map.entry("không muốn sống", DialogueAct.NONE), Map.entry("thôi đừng gửi tin nữa", DialogueAct.NONE),
                Map.entry("có ai ở đó không", DialogueAct.NONE), Map.entry("xóa đi", DialogueAct.NONE),
                Map.entry("không có gì", DialogueAct.NONE));
        List<String> wrong = new ArrayList<>();
        cases.forEach((text, act) -> {
            DialogueAct got = NLU.acts().find(normalize(text)).orElse(DialogueAct.NONE);
            if (got != act) {
                wrong.add(text + " -> " + got + ", expected " + act);
            }
        });
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    private record FollowUpCase(String text, FollowUp followUp, boolean namesNoTopic) {
    }

    @Test
    void followUpQuestionsAreFoundAndABareOneNamesNoTopic() {
        List<FollowUpCase> cases = List.of(
                new FollowUpCase("có mất tiền ko", FollowUp.COST, true),
                new FollowUpCase("co ton phi khong", FollowUp.COST, true),
                new FollowUpCase("is it free", FollowUp.COST, true),
                new FollowUpCase("trợ giúp pháp lý có miễn phí không", FollowUp.COST, false),
                new FollowUpCase("nộp đơn ở đâu", FollowUp.WHERE, true),
                new FollowUpCase("nhà tạm lánh ở đâu", FollowUp.WHERE, false),
                new FollowUpCase("mất bao lâu", FollowUp.HOW_LONG, true),
                new FollowUpCase("bao lau thi co", FollowUp.HOW_LONG, true),
                new FollowUpCase("cần giấy tờ gì", FollowUp.DOCUMENTS, true),
                new FollowUpCase("ly hôn cần giấy tờ gì", FollowUp.DOCUMENTS, false),
                new FollowUpCase("rồi sao nữa", FollowUp.NEXT_STEPS, true),
                new FollowUpCase("vay e phai lam gi bay gio", FollowUp.NEXT_STEPS, true),
                new FollowUpCase("cho con thì sao, con em 7 tuổi", FollowUp.FOR_CHILD, true),
                new FollowUpCase("em là nam thì sao", FollowUp.FOR_MAN, true),
                new FollowUpCase("e ko muon to cao", FollowUp.NO_REPORT, true),
                new FollowUpCase("ko muon anh ay bi di tu", FollowUp.NO_JAIL, true),
                new FollowUpCase("em không muốn chồng bị bắt", FollowUp.NO_JAIL, true),
                new FollowUpCase("em không muốn chồng bị bắt vì con còn nhỏ", FollowUp.NO_JAIL, false),
                new FollowUpCase("số 111 có mất tiền không", FollowUp.COST, false),
                new FollowUpCase("ổng đánh em bao lâu nay rồi", FollowUp.NONE, false),
                new FollowUpCase("đánh vợ phạt bao nhiêu tiền", FollowUp.NONE, false),
                new FollowUpCase("chồng giữ hết giấy tờ của em", FollowUp.NONE, false),
                new FollowUpCase("chồng em hay đánh em", FollowUp.NONE, false));
        List<String> wrong = new ArrayList<>();
        for (FollowUpCase c : cases) {
            NormalizedText text = normalize(c.text());
            FollowUps.Found found = NLU.followUps().find(text);
            boolean bare = NLU.followUps().namesNoTopic(text, found.followUp(), found.spans());
            if (found.followUp() != c.followUp() || bare != c.namesNoTopic()) {
                wrong.add(c.text() + " -> " + found.followUp() + (bare ? " bare" : "") + ", expected " + c.followUp()
                        + (c.namesNoTopic() ? " bare" : ""));
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void aPersonWhoCannotCallIsRecognised() {
        List<String> cannot = List.of("ko dam goi, no nghe thay", "em không gọi được", "sợ ổng nghe thấy",
                "chỉ nhắn tin được thôi", "ko muon goi ai het", "bị lấy điện thoại rồi", "i can't call, he will hear");
        List<String> can = List.of("em gọi 113 rồi", "gọi số nào", "có ai nghe em nói không", "tôi muốn gọi điện",
                "he is calling me");
        List<String> wrong = new ArrayList<>();
        cannot.stream().filter(t -> !NLU.cues().cannotCall(normalize(t))).forEach(t -> wrong.add(t + " cannot call"));
        can.stream().filter(t -> NLU.cues().cannotCall(normalize(t))).forEach(t -> wrong.add(t + " can call"));
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void aChildWritingAboutThemselfIsRecognisedAndAParentWritingIsNot() {
        List<String> child = List.of("em 12 tuổi, bố dượng hay đánh em", "e 13t bi me danh", "em năm nay 10 tuổi",
                "em học lớp 6", "mình đang học lớp 9, bị bạn cùng lớp bắt nạt", "bố dượng đánh em",
                "mẹ kế hay đánh em", "em là học sinh", "i am 12 and my dad hits me", "con 9 tuổi, ba đánh con");
        List<String> adult = List.of("con em 12 tuổi bị bố đánh", "con gái tôi 8 tuổi", "cháu tôi học lớp 3",
                "em 25 tuổi, chồng hay đánh em", "em gái em 13 tuổi bị dượng đánh", "chồng em đánh con",
                "bé nhà hàng xóm 5 tuổi bị bỏ đói", "tôi 45 tuổi", "my daughter is 12");
        List<String> wrong = new ArrayList<>();
        child.stream().filter(t -> !NLU.cues().childSpeaking(normalize(t))).forEach(t -> wrong.add(t + " is a child"));
        adult.stream().filter(t -> NLU.cues().childSpeaking(normalize(t))).forEach(t -> wrong.add(t + " is not"));
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }
}
