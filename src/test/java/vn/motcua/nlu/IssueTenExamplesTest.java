package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * Every message quoted in issue 10, with what the NLU must make of it. One test lists every case that fails, so a
 * regression shows all that broke at once. None of these messages is a training example word for word.
 */
class IssueTenExamplesTest {

    private static final MessageParser PARSER = TestNlu.get().parser();

    private record Case(String text, String expectation, Predicate<Parse> holds) {
    }

    private static Case answered(String text, String intent) {
        return new Case(text, intent + ", answered", p -> intent.equals(p.intent()) && !p.lowConfidence());
    }

    private static Case act(String text, DialogueAct act) {
        return new Case(text, "act " + act, p -> p.act() == act);
    }

    private static Case followUp(String text, FollowUp followUp) {
        return new Case(text, "follow-up " + followUp.id() + " about the current topic",
                p -> p.followUp() == followUp && p.continuesTopic() && !isCrisisAnswer(p));
    }

    private static Case english(String text, String intent) {
        return new Case(text, "English, " + intent + ", answered",
                p -> p.isEnglish() && intent.equals(p.intent()) && !p.lowConfidence());
    }

    private static Case noCrisis(String text) {
        return new Case(text, "no crisis answer", p -> !isCrisisAnswer(p));
    }

    private static boolean isCrisisAnswer(Parse p) {
        return Intents.isCrisis(p.intent()) && !p.lowConfidence();
    }

    private static final List<Case> CASES = List.of(
            // Short and one-word turns are understood.
            answered("chào", Intents.GREETING),
            answered("alo", Intents.GREETING),
            answered("xóa", Intents.DELETE_DATA),
            answered("xoa het di", Intents.DELETE_DATA),
            answered("xóa cuộc trò chuyện", Intents.DELETE_DATA),
            answered("cảm ơn", Intents.THANKS_GOODBYE),
            act("ok", DialogueAct.AFFIRM),
            act("vâng", DialogueAct.AFFIRM),
            act("có", DialogueAct.AFFIRM),
            answered("xóa đi", Intents.DELETE_DATA),
            act("ko", DialogueAct.DENY),
            act("thôi", DialogueAct.NEVER_MIND),
            answered("chồng em đánh em", Intents.DOMESTIC_VIOLENCE),
            answered("Cho mình hỏi thủ tục xin lệnh cấm tiếp xúc như thế nào", Intents.LEGAL_RIGHTS),
            answered("ly hon… gianh nuoi con", Intents.LEGAL_RIGHTS),
            // Follow-ups keep their topic.
            followUp("có phải trả tiền không", FollowUp.COST),
            followUp("có mất tiền ko", FollowUp.COST),
            followUp("nộp đơn ở đâu", FollowUp.WHERE),
            followUp("bao lâu", FollowUp.HOW_LONG),
            followUp("cần giấy tờ gì", FollowUp.DOCUMENTS),
            followUp("rồi sao nữa", FollowUp.NEXT_STEPS),
            followUp("vậy e làm gì tiếp", FollowUp.NEXT_STEPS),
            followUp("cho con thì sao", FollowUp.FOR_CHILD),
            followUp("em là nam thì sao", FollowUp.FOR_MAN),
            followUp("e ko muon to cao", FollowUp.NO_REPORT),
            followUp("ko muon anh ay bi di tu", FollowUp.NO_JAIL),
            // False crisis answers.
            answered("chỉ tát thôi", Intents.DOMESTIC_VIOLENCE),
            noCrisis("vậy e làm gì tiếp"),
            answered("nó cho e đến 9h tối nay", Intents.ONLINE_ABUSE),
            noCrisis("chết cười"),
            noCrisis("giết thời gian"),
            noCrisis("giết con gián"),
            noCrisis("đánh răng"),
            noCrisis("deadline dí chết"),
            // A crisis left too soon, hiding, cannot call.
            answered("e vua uong het vi thuoc ngu roi", Intents.SELF_HARM),
            new Case("ko muon goi ai het", "cannot call, no crisis of its own", p -> p.cannotCall() && !isCrisisAnswer(p)),
            new Case("ko dam goi, no nghe thay", "cannot call", Parse::cannotCall),
            answered("nó đang đập cửa", Intents.EMERGENCY),
            answered("em trốn trong nhà tắm", Intents.EMERGENCY),
            answered("đang đứng trên cầu", Intents.SELF_HARM),
            // Who is speaking, and who is listening.
            new Case("em 12 tuổi, bố dượng hay đánh em", "child_abuse, the child speaking",
                    p -> Intents.CHILD_ABUSE.equals(p.intent()) && !p.lowConfidence() && p.childSpeaking()),
            new Case("bố dượng đánh em", "child_abuse, the child speaking",
                    p -> Intents.CHILD_ABUSE.equals(p.intent()) && p.childSpeaking()),
            answered("ck đang ngồi kế bên", Intents.BEING_WATCHED),
            answered("anh ấy ngồi kế bên", Intents.BEING_WATCHED),
            answered("có lưu tên hay số đt của e ko", Intents.PRIVACY),
            answered("m la nguoi hay may", Intents.BOT_IDENTITY),
            answered("sếp cứ nhắn tin gạ gẫm, đụng chạm em ở công ty", Intents.SEXUAL_VIOLENCE),
            answered("con trai đánh mẹ già, bà 80 tuổi rồi", Intents.ELDER_ABUSE),
            new Case("thôi để sau", "never mind, not unsubscribe", p -> p.act() == DialogueAct.NEVER_MIND),
            // English.
            // "help" alone: English, and the emergency answer or a question that offers it (the question gives 113).
            new Case("help", "English, emergency answered or offered", p -> p.isEnglish()
                    && (Intents.EMERGENCY.equals(p.intent()) || p.alternatives(3).contains(Intents.EMERGENCY))),
            english("my husband hits me", Intents.DOMESTIC_VIOLENCE),
            english("My husband hits me. I am a foreigner living in District 7", Intents.DOMESTIC_VIOLENCE),
            english("What number do I call in an emergency?", Intents.HOTLINE));

    @Test
    void everyExampleOfTheIssueIsUnderstoodAsItShouldBe() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            Parse p = PARSER.parse(c.text());
            if (!c.holds().test(p)) {
                failures.add(String.format("%s -> expected %s, got %s %.2f%s act=%s followUp=%s lang=%s cannotCall=%s child=%s",
                        c.text(), c.expectation(), p.intent(), p.confidence(), p.lowConfidence() ? " unsure" : "",
                        p.act(), p.followUp().id(), p.language(), p.cannotCall(), p.childSpeaking()));
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }
}
