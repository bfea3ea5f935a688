package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Priority;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;
import vn.motcua.nlu.Location;
import vn.motcua.nlu.Parse;
import vn.motcua.nlu.ScoredIntent;

/** The policy's safety rules and first-version dialogue (spec/intents.md, DESIGN §6). */
class DialoguePolicyTest {

    private final AnswerBook answers = new AnswerBook(new ContentFiles(ContentProperties.of(null)));
    private final AnswerComposer composer =
            new AnswerComposer(new ServiceDirectory(new ContentFiles(ContentProperties.of(null))));
    private final DialoguePolicy policy = new DialoguePolicy(answers, composer);

    private static Conversation fresh() {
        return Conversation.start("c", Channel.MESSENGER, null, Instant.now());
    }

    private static Conversation ongoing() {
        return fresh().withTurn(new Turn(Speaker.PERSON, null, "greeting", Instant.now()));
    }

    private static Parse unsure(String... ranked) {
        List<ScoredIntent> ranking = java.util.Arrays.stream(ranked).map(i -> new ScoredIntent(i, 0.2)).toList();
        return new Parse(ranked[0], 0.2, ranking, true, null);
    }

    @Test
    void aCrisisIsAnsweredFirstAndEscalatedCriticalEvenOnFirstContact() {
        Decision decision = policy.decide(fresh(), Parse.certain("emergency"));
        assertThat(decision.actions().get(0)).isEqualTo(new Action.Reply("emergency", answers.get("emergency", "default")));
        assertThat(decision.actions()).contains(new Action.Escalate(Priority.CRITICAL, "emergency"));
        // The automated-assistant notice still comes, but after the numbers.
        assertThat(decision.actions().get(decision.actions().size() - 1))
                .isEqualTo(new Action.Reply(AnswerBook.SYSTEM, answers.get(AnswerBook.SYSTEM, "disclosure")));
    }

    @Test
    void selfHarmIsEscalatedCritical() {
        Decision decision = policy.decide(ongoing(), Parse.certain("self_harm"));
        assertThat(decision.actions()).containsExactly(
                new Action.Reply("self_harm", answers.get("self_harm", "default")),
                new Action.Escalate(Priority.CRITICAL, "self_harm"));
    }

    @Test
    void theFirstAnswerOfAConversationSaysItIsAnAutomatedAssistant() {
        Decision decision = policy.decide(fresh(), Parse.certain("hotline"));
        assertThat(((Action.Reply) decision.actions().get(0)).answer().text()).contains("trợ lý tự động");
        assertThat(decision.actions().get(1))
                .isEqualTo(new Action.Reply("hotline", composer.compose(answers.get("hotline", "default"), null)));
    }

    @Test
    void aGreetingIsItsOwnNotice() {
        Decision decision = policy.decide(fresh(), Parse.certain("greeting"));
        assertThat(decision.actions()).containsExactly(new Action.Reply("greeting", answers.get("greeting", "default")));
        assertThat(answers.get("greeting", "default").text()).contains("trợ lý tự động").contains("113");
    }

    @Test
    void whenUnsureTheBotAsksWithTheLikelyTopicsAsButtons() {
        Decision decision = policy.decide(ongoing(), unsure("legal_rights", "out_of_scope", "legal_aid", "police_report"));
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        assertThat(reply.answer().text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "clarify").text());
        // Even when the bot has not understood, someone in danger reads the number to call.
        assertThat(reply.answer().text()).contains("113");
        assertThat(reply.answer().quickReplies()).extracting(q -> q.payload())
                .containsExactly("INTENT:legal_rights", "INTENT:legal_aid", "INTENT:police_report", "INTENT:human_agent");
        assertThat(decision.misunderstandings()).isEqualTo(1);
        assertThat(decision.understood()).isNull();
    }

    @Test
    void aSecondMisunderstandingInARowOffersACaseworker() {
        Conversation once = ongoing().withMisunderstandings(1);
        Decision decision = policy.decide(once, unsure("legal_rights", "legal_aid"));
        assertThat(decision.actions()).containsExactly(
                new Action.Reply(AnswerBook.SYSTEM, answers.get(AnswerBook.SYSTEM, "offer_caseworker")));
        assertThat(decision.misunderstandings()).isEqualTo(2);
    }

    @Test
    void understandingResetsTheMisunderstandings() {
        assertThat(policy.decide(ongoing().withMisunderstandings(1), Parse.certain("hotline")).misunderstandings()).isZero();
    }

    @Test
    void askingForAPersonEscalatesBeforeSayingACaseworkerWasTold() {
        Decision decision = policy.decide(ongoing(), Parse.certain("human_agent"));
        assertThat(decision.actions()).containsExactly(
                new Action.Escalate(Priority.NORMAL, "human_agent"),
                new Action.Reply("human_agent", answers.get("human_agent", "default")));
    }

    @Test
    void askingAgainWhileWaitingSaysSoInsteadOfQueueingTwice() {
        Decision decision = policy.decide(ongoing().escalated(Priority.NORMAL), Parse.certain("human_agent"));
        assertThat(decision.actions()).containsExactly(
                new Action.Reply("human_agent", answers.get("human_agent", "already_waiting")));
    }

    @Test
    void aChildBeingHurtIsEscalatedHigh() {
        assertThat(policy.decide(ongoing(), Parse.certain("child_abuse")).actions())
                .contains(new Action.Escalate(Priority.HIGH, "child_abuse"));
    }

    @Test
    void erasureIsConfirmedFirstAndOnlyDoneOnTheConfirmButton() {
        assertThat(policy.decide(ongoing(), Parse.certain("delete_data")).actions())
                .containsExactly(new Action.Reply("delete_data", answers.get("delete_data", "confirm")));
        assertThat(policy.eraseAnswer(ongoing(), true).actions())
                .containsExactly(new Action.Erase(), new Action.Reply("delete_data", answers.get("delete_data", "done")));
        assertThat(policy.eraseAnswer(ongoing(), false).actions()).noneMatch(a -> a instanceof Action.Erase);
    }

    @Test
    void subscribingAndUnsubscribingAreRecorded() {
        assertThat(policy.decide(ongoing(), Parse.certain("subscribe")).actions()).first().isEqualTo(new Action.Subscribe(null));
        assertThat(policy.decide(ongoing(), Parse.certain("unsubscribe")).actions()).first().isEqualTo(new Action.Unsubscribe());
    }

    @Test
    void anAttachmentIsAnsweredKindlyWithACaseworkerOffer() {
        Action.Reply reply = (Action.Reply) policy.attachment(ongoing()).actions().get(0);
        assertThat(reply.answer().quickReplies()).extracting(q -> q.payload()).contains("INTENT:human_agent");
    }

    private static Parse withPlace(String intent, boolean unsure, String district) {
        return new Parse(intent, unsure ? 0.3 : 0.9, List.of(new ScoredIntent(intent, unsure ? 0.3 : 0.9)), unsure, null,
                new Location(district, null, false));
    }

    private static Conversation afterBotAnswer(String intent) {
        return ongoing().withTurn(new Turn(Speaker.BOT, null, intent, Instant.now()));
    }

    private static String firstListed(Decision decision) {
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        return reply.answer().text().lines().filter(l -> l.startsWith("• ")).findFirst().orElse("");
    }

    @Test
    void theFirstDisclosureAsksWhetherItIsSafeToTalkNow() {
        Decision decision = policy.decide(ongoing(), Parse.certain("domestic_violence"));
        assertThat(decision.actions()).last()
                .isEqualTo(new Action.Reply(AnswerBook.SYSTEM, answers.get(AnswerBook.SYSTEM, "safe_to_talk")));
        assertThat(answers.get(AnswerBook.SYSTEM, "safe_to_talk").quickReplies()).extracting(q -> q.payload())
                .containsExactly(Payloads.SAFE_YES, Payloads.SAFE_NO);
    }

    @Test
    void theSafetyQuestionIsNotAskedAgainAfterALaterDisclosure() {
        Conversation disclosed = ongoing().withTurn(new Turn(Speaker.PERSON, null, "domestic_violence", Instant.now()));
        assertThat(policy.decide(disclosed, Parse.certain("sexual_violence")).actions())
                .noneMatch(a -> a instanceof Action.Reply r && r.answer().text().contains("an toàn để nói chuyện"));
    }

    @Test
    void notSafeToTalkGetsTheWayOutAndACallButton() {
        Action.Reply reply = (Action.Reply) policy.safetyAnswer(ongoing(), false).actions().get(0);
        assertThat(reply.answer().text()).contains("113").contains("xóa");
        assertThat(reply.answer().quickReplies()).extracting(q -> q.payload()).contains("tel:113");
    }

    @Test
    void namingAPlaceAfterAServicesAnswerListsTheNearestFirst() {
        Decision decision = policy.decide(afterBotAnswer("shelter"), withPlace("out_of_scope", true, "Gò Vấp"));
        assertThat(decision.understood()).isEqualTo("shelter");
        assertThat(firstListed(decision)).contains("14 Nguyễn Văn Bảo");
        assertThat(decision.place()).isEqualTo("Gò Vấp");
        assertThat(decision.misunderstandings()).isZero();
    }

    @Test
    void namingAPlaceBeforeAskingIsRememberedForTheNextServicesAnswer() {
        Decision noted = policy.decide(ongoing(), withPlace("out_of_scope", true, "Bình Chánh"));
        assertThat(((Action.Reply) noted.actions().get(0)).answer().text()).contains("gần chỗ bạn");
        assertThat(noted.place()).isEqualTo("Bình Chánh");

        Decision later = policy.decide(ongoing().withPlace("Bình Chánh"), Parse.certain("one_stop_info"));
        assertThat(firstListed(later)).contains("Nhi Đồng Thành phố");
    }

    @Test
    void aServicesQuestionThatNamesAPlaceListsThatPlaceFirst() {
        Decision decision = policy.decide(ongoing(), withPlace("legal_aid", false, "Quận 10"));
        String text = ((Action.Reply) decision.actions().get(0)).answer().text();
        assertThat(text.indexOf("470 Nguyễn Tri Phương")).isPositive().isLessThan(text.indexOf("131 Nam Kỳ Khởi Nghĩa"));
        String inDistrict1 = ((Action.Reply) policy.decide(ongoing(), withPlace("legal_aid", false, "Quận 1")).actions()
                .get(0)).answer().text();
        assertThat(inDistrict1.indexOf("131 Nam Kỳ Khởi Nghĩa")).isPositive().isLessThan(inDistrict1.indexOf("470 Nguyễn Tri Phương"));
    }

    @Test
    void whatThePersonWroteChoosesTheFittingAnswerOfAnIntent() {
        Decision decision = policy.decide(ongoing(), Parse.certain("legal_rights"), "chồng đánh vợ bị phạt bao nhiêu");
        assertThat(decision.actions()).containsExactly(new Action.Reply("legal_rights",
                composer.compose(answers.get("legal_rights", "fines"), null)));
    }

    @Test
    void afterErasingTheWebChatSaysHowToClearTheBrowserAndTheAppsSayHowToDeleteTheChat() {
        Conversation web = Conversation.start("w", Channel.WEBCHAT, null, Instant.now());
        Action.Reply onWeb = (Action.Reply) policy.eraseAnswer(web, true).actions().get(1);
        assertThat(onWeb.answer().text()).contains("lịch sử duyệt web").doesNotContain("Messenger");
        Action.Reply onMessenger = (Action.Reply) policy.eraseAnswer(ongoing(), true).actions().get(1);
        assertThat(onMessenger.answer().text()).contains("Messenger").contains("Zalo");
    }
}
