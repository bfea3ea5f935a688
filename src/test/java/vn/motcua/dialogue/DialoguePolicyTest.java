package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Location;
import vn.motcua.nlu.Parse;
import vn.motcua.nlu.ScoredIntent;

/** The policy's safety rules and dialogue (spec/intents.md, DESIGN §5, §6), one input and one decision per turn. */
class DialoguePolicyTest {

    private final AnswerBook answers = new AnswerBook(new ContentFiles(ContentProperties.of(null)));
    private final AnswerComposer composer =
            new AnswerComposer(new ServiceDirectory(new ContentFiles(ContentProperties.of(null))));
    private final DialoguePolicy policy = new DialoguePolicy(answers, composer);

    /** A conversation as the policy sees it; ongoing on Messenger unless said otherwise. */
    private static final class View {
        private Channel channel = Channel.MESSENGER;
        private boolean firstContact;
        private boolean waiting;
        private boolean someoneElse;
        private int misunderstandings;
        private String place;
        private String topic;
        private final Set<String> heard = new HashSet<>();
        private List<QuickReplyOption> offered = List.of();
        private String topicVariant;
        private List<String> said = List.of();
        private DialogueView.Duty duty = DialogueView.Duty.ON_DUTY;

        static View fresh() {
            View view = new View();
            view.firstContact = true;
            return view;
        }

        static View ongoing() {
            View view = new View();
            view.heard.add("greeting");
            return view;
        }

        View on(Channel on) {
            channel = on;
            return this;
        }

        View waitingForHuman() {
            waiting = true;
            return this;
        }

        View withCaseworker() {
            someoneElse = true;
            return this;
        }

        View duty(DialogueView.Duty now) {
            duty = now;
            return this;
        }

        View misunderstood(int times) {
            misunderstandings = times;
            return this;
        }

        View at(String district) {
            place = district;
            return this;
        }

        View after(String botTopic) {
            topic = botTopic;
            return this;
        }

        /** The bot's latest turn gave these answers (labels); the last one about a topic is the topic. */
        View justSaid(String... labels) {
            said = List.of(labels);
            for (String label : labels) {
                AnswerKey key = AnswerKey.parse(label);
                if (!AnswerBook.SYSTEM.equals(key.intent())) {
                    topic = key.intent();
                    topicVariant = key.variant();
                }
            }
            return this;
        }

        View heard(String intent) {
            heard.add(intent);
            return this;
        }

        View offered(List<QuickReplyOption> options) {
            offered = options;
            return this;
        }

        DialogueView build() {
            return new DialogueView(channel, firstContact, waiting, someoneElse, misunderstandings, place, topic, heard,
                    offered, topicVariant, said, duty);
        }
    }

    private Decision typed(View view, String text, Parse parse) {
        return policy.decide(view.build(), new InboundContent.Text(text), parse);
    }

    /** A message understood for sure, typed in words that choose no particular variant. */
    private Decision says(View view, String intent) {
        return typed(view, "…", Parse.certain(intent));
    }

    private Decision tapped(View view, String payload) {
        return policy.decide(view.build(), new InboundContent.QuickReply(payload, "nút"),
                Payloads.intentOf(payload).map(Parse::certain).orElse(null));
    }

    private Action.Reply reply(AnswerName name) {
        return new Action.Reply(name.intent(), name.variant(), answers.get(name.intent(), name.variant()));
    }

    private static Parse unsure(String... ranked) {
        List<ScoredIntent> ranking = java.util.Arrays.stream(ranked).map(i -> new ScoredIntent(i, 0.2)).toList();
        return new Parse(ranked[0], 0.2, ranking, true, null);
    }

    private static List<String> texts(Decision decision) {
        return decision.actions().stream().filter(a -> a instanceof Action.Reply)
                .map(a -> ((Action.Reply) a).answer().text()).toList();
    }

    @Test
    void aCrisisIsAnsweredFirstAndEscalatedCriticalEvenOnFirstContact() {
        Decision decision = says(View.fresh(), "emergency");
        assertThat(decision.actions().get(0)).isEqualTo(reply(AnswerName.EMERGENCY));
        assertThat(decision.actions()).contains(new Action.Escalate(Priority.CRITICAL, "emergency"));
        // The automated-assistant notice still comes, but after the numbers.
        assertThat(decision.actions().get(decision.actions().size() - 1)).isEqualTo(reply(AnswerName.DISCLOSURE));
    }

    @Test
    void selfHarmIsEscalatedCriticalAndThePersonIsToldACaseworkerKnows() {
        assertThat(says(View.ongoing(), "self_harm").actions()).containsExactly(
                reply(AnswerName.SELF_HARM), new Action.Escalate(Priority.CRITICAL, "self_harm"),
                reply(AnswerName.HUMAN_AGENT));
    }

    @Test
    void aQuickAnswerIsPromisedOnlyWhenSomeoneIsOnDuty() {
        assertThat(texts(says(View.ongoing(), "human_agent")))
                .singleElement().asString().contains("sẽ trả lời bạn ngay", "{position}", "{wait}", "113");
        Decision off = says(View.ongoing().duty(DialogueView.Duty.OFF_DUTY), "human_agent");
        assertThat(off.actions()).containsExactly(new Action.Escalate(Priority.NORMAL, "human_agent"),
                reply(AnswerName.HUMAN_AGENT_NOBODY_ON_DUTY), new Action.OffDutyTold());
        assertThat(texts(off)).singleElement().asString()
                .contains("không có nhân viên hỗ trợ nào đang trực", "hàng chờ", "113", "111").doesNotContain("ngay");
        // Told once today: still queued, told its place, nothing promised, not told again.
        Decision again = says(View.ongoing().duty(DialogueView.Duty.OFF_DUTY_TOLD), "shelter");
        assertThat(again.actions()).contains(new Action.Escalate(Priority.HIGH, "shelter"),
                reply(AnswerName.HUMAN_AGENT_QUEUED)).doesNotContain(new Action.OffDutyTold());
        assertThat(texts(again)).noneMatch(t -> t.contains("trả lời bạn ngay") || t.contains("không có nhân viên"));
    }

    @Test
    void aThirdMisunderstandingInARowPutsThePersonInTheQueueAtNormalPriority() {
        Decision decision = typed(View.ongoing().misunderstood(2), "…", unsure("legal_rights", "legal_aid"));
        assertThat(decision.actions()).containsExactly(
                new Action.Escalate(Priority.NORMAL, DialoguePolicy.MISUNDERSTOOD), reply(AnswerName.HUMAN_AGENT));
    }

    @Test
    void aCrisisWinsOverATypedButtonTitle() {
        // Whatever the bot offered, a message the safety lexicon marks as a crisis gets the crisis answer.
        View view = View.ongoing().offered(List.of(new QuickReplyOption("Không xóa", Payloads.ERASE_CANCEL)));
        Decision decision = typed(view, "không xóa", new Parse("emergency", 1.0, List.of(), false, "cứu"));
        assertThat(decision.actions()).startsWith(reply(AnswerName.EMERGENCY),
                new Action.Escalate(Priority.CRITICAL, "emergency"));
    }

    @Test
    void theFirstAnswerOfAConversationSaysItIsAnAutomatedAssistant() {
        Decision decision = says(View.fresh(), "hotline");
        assertThat(((Action.Reply) decision.actions().get(0)).answer().text()).contains("trợ lý tự động");
        assertThat(decision.actions().get(1))
                .isEqualTo(new Action.Reply("hotline", composer.compose(answers.get("hotline", "default"), null)));
    }

    @Test
    void aGreetingIsItsOwnNotice() {
        assertThat(says(View.fresh(), "greeting").actions()).containsExactly(reply(AnswerName.GREETING));
        assertThat(answers.get("greeting", "default").text()).contains("trợ lý tự động").contains("113");
    }

    @Test
    void whenUnsureTheBotAsksWithTheLikelyTopicsAsButtons() {
        Decision decision = typed(View.ongoing(), "…", unsure("legal_rights", "out_of_scope", "legal_aid", "police_report"));
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        assertThat(reply.answer().text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "clarify").text());
        // Even when the bot has not understood, someone in danger reads the number to call.
        assertThat(reply.answer().text()).contains("113");
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload)
                .containsExactly("INTENT:legal_rights", "INTENT:legal_aid", "INTENT:police_report", "INTENT:human_agent");
        assertThat(decision.misunderstandings()).isEqualTo(1);
        assertThat(decision.understood()).isNull();
        // The topics offered are remembered, so typing one of them later counts as choosing it.
        assertThat(decision.offered()).isEqualTo(reply.answer().quickReplies());
    }

    @Test
    void aSecondMisunderstandingInARowOffersACaseworker() {
        Decision decision = typed(View.ongoing().misunderstood(1), "…", unsure("legal_rights", "legal_aid"));
        assertThat(decision.actions()).containsExactly(reply(AnswerName.OFFER_CASEWORKER));
        assertThat(decision.misunderstandings()).isEqualTo(2);
    }

    @Test
    void understandingResetsTheMisunderstandings() {
        assertThat(says(View.ongoing().misunderstood(1), "hotline").misunderstandings()).isZero();
    }

    @Test
    void askingForAPersonEscalatesBeforeSayingACaseworkerWasTold() {
        assertThat(says(View.ongoing(), "human_agent").actions()).containsExactly(
                new Action.Escalate(Priority.NORMAL, "human_agent"), reply(AnswerName.HUMAN_AGENT));
    }

    @Test
    void askingAgainWhileWaitingSaysSoInsteadOfQueueingTwice() {
        assertThat(says(View.ongoing().waitingForHuman(), "human_agent").actions())
                .containsExactly(reply(AnswerName.HUMAN_AGENT_ALREADY_WAITING));
    }

    @Test
    void whileACaseworkerAnswersTheBotSaysNothingButACrisisStillRaisesTheAlarm() {
        View withCaseworker = View.ongoing().withCaseworker();
        assertThat(says(withCaseworker, "hotline").actions()).isEmpty();
        assertThat(tapped(withCaseworker, Payloads.SAFE_NO).actions()).isEmpty();
        assertThat(says(withCaseworker, "emergency").actions())
                .containsExactly(new Action.Escalate(Priority.CRITICAL, "emergency"));
    }

    @Test
    void aChildBeingHurtIsEscalatedHigh() {
        assertThat(says(View.ongoing(), "child_abuse").actions()).contains(new Action.Escalate(Priority.HIGH, "child_abuse"));
    }

    @Test
    void erasureIsConfirmedFirstAndOnlyDoneOnTheConfirmButton() {
        assertThat(says(View.ongoing(), "delete_data").actions()).containsExactly(reply(AnswerName.DELETE_DATA_CONFIRM));
        assertThat(tapped(View.ongoing(), Payloads.ERASE_CONFIRM).actions())
                .containsExactly(new Action.Erase(), reply(AnswerName.DELETE_DATA_DONE));
        assertThat(tapped(View.ongoing(), Payloads.ERASE_CANCEL).actions())
                .containsExactly(reply(AnswerName.DELETE_DATA_CANCELLED));
    }

    @Test
    void anErasureCommandErasesAtOnceInAnyStateAndSaysNothingWhenAskedToBeQuiet() {
        Decision quiet = policy.decide(View.ongoing().withCaseworker().build(), new InboundContent.Erase(true), null);
        assertThat(quiet.actions()).containsExactly(new Action.Erase());
        assertThat(quiet.recorded()).isFalse();
        Decision told = policy.decide(View.ongoing().on(Channel.WEBCHAT).build(), new InboundContent.Erase(false), null);
        assertThat(told.actions()).containsExactly(new Action.Erase(), reply(AnswerName.DELETE_DATA_DONE_WEBCHAT));
    }

    @Test
    void subscribingAndUnsubscribingAreRecorded() {
        assertThat(says(View.ongoing(), "subscribe").actions()).first().isEqualTo(new Action.Subscribe(null));
        assertThat(says(View.ongoing(), "unsubscribe").actions()).first().isEqualTo(new Action.Unsubscribe());
    }

    @Test
    void thePlatformsOptInIsRecordedWithItsTokenAndConfirmed() {
        Decision decision = policy.decide(View.ongoing().build(), new InboundContent.OptIn("notification_messages", "tok"), null);
        assertThat(decision.actions()).containsExactly(new Action.Subscribe("tok"), reply(AnswerName.OPTIN_CONFIRMED));
    }

    @Test
    void unfollowingUnsubscribesSilentlyAndLeavesNothingNewStored() {
        Decision decision = policy.decide(View.ongoing().withCaseworker().build(), new InboundContent.Unfollow(), null);
        assertThat(decision.actions()).containsExactly(new Action.Unsubscribe());
        assertThat(decision.recorded()).isFalse();
    }

    @Test
    void aFollowOrALinkIsWelcomedWithWhatTheBotIs() {
        assertThat(texts(policy.decide(View.fresh().build(), new InboundContent.Follow("oa_profile"), null)))
                .containsExactly(answers.get(AnswerBook.SYSTEM, "follow_welcome").text());
        assertThat(texts(policy.decide(View.fresh().build(), new InboundContent.Referral("ad"), null)))
                .containsExactly(answers.get(AnswerBook.SYSTEM, "referral_welcome").text());
        assertThat(answers.get(AnswerBook.SYSTEM, "follow_welcome").text()).contains("trợ lý tự động");
    }

    @Test
    void anAttachmentIsAnsweredKindlyWithACaseworkerOffer() {
        Decision decision = policy.decide(View.ongoing().build(), new InboundContent.Attachment(List.of("image")), null);
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload).contains("INTENT:human_agent");
        assertThat(policy.decide(View.fresh().build(), new InboundContent.Attachment(List.of("image")), null).actions())
                .first().isEqualTo(reply(AnswerName.DISCLOSURE));
    }

    @Test
    void aTypedButtonTitleCountsAsTappingItWhateverTheAccentsCaseAndPunctuation() {
        View view = View.ongoing().offered(answers.get("delete_data", "confirm").quickReplies());
        // "Không xóa" read as words would be about erasing again; read as the button, it cancels.
        for (String typed : List.of("Không xóa", "khong xoa", "  KHÔNG   XÓA!! ")) {
            assertThat(typed(view, typed, Parse.certain("delete_data")).actions()).as(typed)
                    .containsExactly(reply(AnswerName.DELETE_DATA_CANCELLED));
        }
        View safety = View.ongoing().offered(answers.get(AnswerBook.SYSTEM, "safe_to_talk").quickReplies());
        assertThat(typed(safety, "chưa an toàn", unsure("out_of_scope")).actions()).containsExactly(reply(AnswerName.SAFE_NO));
        View topics = View.ongoing().offered(List.of(new QuickReplyOption("Số điện thoại", "INTENT:hotline")));
        assertThat(typed(topics, "so dien thoai", unsure("out_of_scope")).understood()).isEqualTo("hotline");
    }

    @Test
    void onlyTheChoicesOfferedLastCountAndWordsThatAreNoTitleAreReadAsWords() {
        View view = View.ongoing().offered(List.of(new QuickReplyOption("Số điện thoại", "INTENT:hotline")));
        assertThat(typed(view, "số điện thoại của công an", Parse.certain("police_report")).understood())
                .isEqualTo("police_report");
        assertThat(typed(View.ongoing(), "Không xóa", Parse.certain("delete_data")).actions())
                .containsExactly(reply(AnswerName.DELETE_DATA_CONFIRM));
    }

    @Test
    void theChoicesOfferedAreRememberedWithoutCallButtonsAndKeptWhenNothingIsSaid() {
        Decision notSafe = tapped(View.ongoing(), Payloads.SAFE_NO);
        assertThat(answers.get(AnswerBook.SYSTEM, "safe_no").quickReplies()).extracting(QuickReplyOption::payload)
                .contains("tel:113");
        assertThat(notSafe.offered()).extracting(QuickReplyOption::payload).containsExactly("INTENT:delete_data");
        List<QuickReplyOption> before = List.of(new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent"));
        assertThat(says(View.ongoing().withCaseworker().offered(before), "hotline").offered()).isEqualTo(before);
    }

    private static Parse withPlace(String intent, boolean unsure, String district) {
        return new Parse(intent, unsure ? 0.3 : 0.9, List.of(new ScoredIntent(intent, unsure ? 0.3 : 0.9)), unsure, null,
                new Location(district, null, false));
    }

    private static String firstListed(Decision decision) {
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        return reply.answer().text().lines().filter(l -> l.startsWith("• ")).findFirst().orElse("");
    }

    @Test
    void theFirstDisclosureAsksWhetherItIsSafeToTalkNow() {
        assertThat(says(View.ongoing(), "domestic_violence").actions()).last().isEqualTo(reply(AnswerName.SAFE_TO_TALK));
        assertThat(answers.get(AnswerBook.SYSTEM, "safe_to_talk").quickReplies()).extracting(QuickReplyOption::payload)
                .containsExactly(Payloads.SAFE_YES, Payloads.SAFE_NO);
    }

    @Test
    void theSafetyQuestionIsNotAskedAgainAfterALaterDisclosure() {
        assertThat(says(View.ongoing().heard("domestic_violence"), "sexual_violence").actions())
                .noneMatch(a -> a instanceof Action.Reply r && r.answer().text().contains("an toàn để nói chuyện"));
    }

    @Test
    void notSafeToTalkGetsTheWayOutAndACallButton() {
        Action.Reply reply = (Action.Reply) tapped(View.ongoing(), Payloads.SAFE_NO).actions().get(0);
        assertThat(reply.answer().text()).contains("113").contains("xóa");
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload).contains("tel:113");
        assertThat(tapped(View.ongoing(), Payloads.SAFE_YES).actions()).containsExactly(reply(AnswerName.SAFE_YES));
    }

    @Test
    void namingAPlaceAfterAServicesAnswerListsTheNearestFirst() {
        Decision decision = typed(View.ongoing().after("shelter"), "tôi ở Gò Vấp", withPlace("out_of_scope", true, "Gò Vấp"));
        assertThat(decision.understood()).isEqualTo("shelter");
        assertThat(firstListed(decision)).contains("14 Nguyễn Văn Bảo");
        assertThat(decision.place()).isEqualTo("Gò Vấp");
        assertThat(decision.misunderstandings()).isZero();
    }

    @Test
    void namingAPlaceBeforeAskingIsRememberedForTheNextServicesAnswer() {
        Decision noted = typed(View.ongoing(), "tôi ở Bình Chánh", withPlace("out_of_scope", true, "Bình Chánh"));
        assertThat(((Action.Reply) noted.actions().get(0)).answer().text()).contains("gần chỗ bạn");
        assertThat(noted.place()).isEqualTo("Bình Chánh");

        Decision later = says(View.ongoing().at("Bình Chánh"), "one_stop_info");
        assertThat(firstListed(later)).contains("Nhi Đồng Thành phố");
        assertThat(later.place()).isEqualTo("Bình Chánh");
    }

    @Test
    void aServicesQuestionThatNamesAPlaceListsThatPlaceFirst() {
        String text = texts(typed(View.ongoing(), "…", withPlace("legal_aid", false, "Quận 10"))).get(0);
        assertThat(text.indexOf("470 Nguyễn Tri Phương")).isPositive().isLessThan(text.indexOf("131 Nam Kỳ Khởi Nghĩa"));
        String inDistrict1 = texts(typed(View.ongoing(), "…", withPlace("legal_aid", false, "Quận 1"))).get(0);
        assertThat(inDistrict1.indexOf("131 Nam Kỳ Khởi Nghĩa")).isPositive().isLessThan(inDistrict1.indexOf("470 Nguyễn Tri Phương"));
    }

    @Test
    void whatThePersonWroteChoosesTheFittingAnswerOfAnIntent() {
        Decision decision = typed(View.ongoing(), "chồng đánh vợ bị phạt bao nhiêu", Parse.certain("legal_rights"));
        assertThat(decision.actions()).containsExactly(new Action.Reply("legal_rights", "fines",
                composer.compose(answers.get("legal_rights", "fines"), null)));
    }

    @Test
    void afterErasingTheWebChatSaysHowToClearTheBrowserAndTheAppsSayHowToDeleteTheChat() {
        String onWeb = texts(tapped(View.ongoing().on(Channel.WEBCHAT), Payloads.ERASE_CONFIRM)).get(0);
        assertThat(onWeb).contains("lịch sử duyệt web").doesNotContain("Messenger");
        String onMessenger = texts(tapped(View.ongoing(), Payloads.ERASE_CONFIRM)).get(0);
        assertThat(onMessenger).contains("Messenger").contains("Zalo");
    }

    // ---- issue 10: the conversation's short memory ----

    /** A message the NLU reads as {@code intent}, sure or not, with what else it carries. */
    private static Parse parsed(String intent, boolean unsure, FollowUp followUp, boolean cannotCall, boolean child) {
        double confidence = unsure ? 0.45 : 1.0;
        return new Parse(intent, confidence, List.of(new ScoredIntent(intent, confidence)), unsure, null, null, "vi",
                followUp, cannotCall, child);
    }

    /** A follow-up that names no topic of its own ("bao lâu", "có mất tiền ko"). */
    private static Parse followUp(FollowUp followUp) {
        return parsed("police_report", true, followUp, false, false);
    }

    private static Parse act(String intent) {
        return parsed(intent, false, FollowUp.NONE, false, false);
    }

    private static List<String> labels(Decision decision) {
        return decision.actions().stream().filter(a -> a instanceof Action.Reply)
                .map(a -> ((Action.Reply) a).label()).toList();
    }

    private static boolean escalated(Decision decision) {
        return decision.actions().stream().anyMatch(a -> a instanceof Action.Escalate);
    }

    @Test
    void aFollowUpIsAnsweredForTheCurrentTopicAndWhatItWasAbout() {
        Decision where = typed(View.ongoing().justSaid("legal_rights/no_contact"), "nộp đơn ở đâu",
                followUp(FollowUp.WHERE));
        assertThat(labels(where)).containsExactly("legal_rights/no_contact_where");
        assertThat(where.understood()).isEqualTo("legal_rights");
        // The next follow-up is still about no-contact orders, though the latest answer was about where.
        Decision howLong = typed(View.ongoing().justSaid("legal_rights/no_contact_where"), "bao lâu",
                followUp(FollowUp.HOW_LONG));
        assertThat(labels(howLong)).containsExactly("legal_rights/no_contact_how_long");
        assertThat(texts(howLong).get(0)).contains("12 giờ").contains("03 ngày");
        Decision cost = typed(View.ongoing().justSaid("legal_aid"), "có phải trả tiền không", followUp(FollowUp.COST));
        assertThat(labels(cost)).containsExactly("legal_aid/cost");
        assertThat(escalated(cost)).isFalse();
    }

    @Test
    void aFollowUpTheContentCannotAnswerSaysSoOffersACaseworkerAndKeepsTheTopic() {
        Decision decision = typed(View.ongoing().justSaid("police_report"), "mất bao lâu", followUp(FollowUp.HOW_LONG));
        Action.Reply reply = (Action.Reply) decision.actions().get(0);
        // Recorded under the topic, so the topic is not left; its text is the honest system answer.
        assertThat(reply.label()).isEqualTo("police_report/how_long");
        assertThat(reply.answer().text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "follow_up_how_long").text())
                .contains("chưa có thông tin");
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload).contains("INTENT:human_agent");
        assertThat(decision.understood()).isEqualTo("police_report");
        assertThat(decision.misunderstandings()).isZero();
    }

    @Test
    void aFollowUpWithoutATopicThatHasFollowUpsIsAskedAbout() {
        assertThat(labels(typed(View.ongoing(), "bao lâu", followUp(FollowUp.HOW_LONG))))
                .containsExactly("system/clarify");
        assertThat(labels(typed(View.ongoing().justSaid("greeting"), "bao lâu", followUp(FollowUp.HOW_LONG))))
                .containsExactly("system/clarify");
    }

    @Test
    void aSureQuestionThatAsksAFollowUpGetsThatVariantWhenItsFileHasOne() {
        Decision decision = typed(View.ongoing(), "ai giúp mình làm giấy tờ ly hôn miễn phí được không",
                parsed("legal_aid", false, FollowUp.COST, false, false));
        assertThat(labels(decision)).containsExactly("legal_aid/cost");
        // A follow-up the file has no variant for leaves the intent's own answer.
        assertThat(labels(typed(View.ongoing(), "…", parsed("greeting", false, FollowUp.HOW_LONG, false, false))))
                .containsExactly("greeting");
    }

    @Test
    void anAnswerJustGivenIsNotRepeatedButPointedBackToWithTheNextStep() {
        Decision again = says(View.ongoing().justSaid("hotline"), "hotline");
        Action.Reply reply = (Action.Reply) again.actions().get(0);
        assertThat(reply.label()).isEqualTo("hotline/again");
        assertThat(reply.answer().text()).isNotEqualTo(composer.compose(answers.get("hotline", "default"), null).text())
                .contains("phía trên").contains("113");
        // The next step: a caseworker first, then what the answer offered.
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload).first()
                .isEqualTo("INTENT:human_agent");
        assertThat(reply.answer().quickReplies()).extracting(QuickReplyOption::payload).contains("tel:113")
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5);
        // Asked a third time, the full answer again: never the same block twice in a row.
        assertThat(labels(says(View.ongoing().justSaid("hotline/again"), "hotline"))).containsExactly("hotline");
        // A short answer's own file may say it its way.
        assertThat(labels(typed(View.ongoing().justSaid("affirm"), "ok", act("affirm")))).containsExactly("affirm/again");
    }

    @Test
    void theTurnsAfterACrisisAnswerStayWithTheCrisis() {
        View afterPills = View.ongoing().justSaid("self_harm");
        Decision refusal = typed(afterPills, "ko muon goi ai het", parsed("deny", false, FollowUp.NONE, true, false));
        assertThat(labels(refusal)).containsExactly("self_harm/cannot_call");
        assertThat(texts(refusal).get(0)).contains("115").contains("nhân viên");
        assertThat(refusal.actions()).contains(new Action.Escalate(Priority.CRITICAL, "self_harm"));
        assertThat(refusal.understood()).isEqualTo("self_harm");
        for (Parse shortTurn : List.of(act("affirm"), act("never_mind"), act("thanks_goodbye"),
                unsure("out_of_scope"), parsed("counseling", false, FollowUp.NONE, false, false),
                followUp(FollowUp.NEXT_STEPS))) {
            Decision decision = typed(afterPills, "…", shortTurn);
            assertThat(labels(decision)).as(shortTurn.intent()).containsExactly("self_harm/stay");
            assertThat(texts(decision).get(0)).as(shortTurn.intent()).contains("115");
        }
        // The same short form is not given twice in a row.
        assertThat(labels(typed(View.ongoing().justSaid("self_harm/stay"), "ok", act("affirm"))))
                .containsExactly("self_harm");
        // A new topic the bot is sure of is answered.
        assertThat(labels(says(afterPills, "domestic_violence"))).startsWith("domestic_violence");
        // Only right after it: a crisis answered before a caseworker's turns is not assumed to go on.
        assertThat(labels(typed(View.ongoing().after("self_harm"), "ok", act("affirm")))).containsExactly("affirm");
        // While waiting for a caseworker, nothing is escalated again.
        assertThat(escalated(typed(afterPills.waitingForHuman(), "ok", act("affirm")))).isFalse();
    }

    @Test
    void someoneWhoCannotCallIsToldTheWaysThatNeedNoVoiceNeverToShoutNorA114List() {
        Decision inDanger = typed(View.ongoing().justSaid("emergency"), "ko dam goi, no nghe thay",
                parsed("hotline", true, FollowUp.NONE, true, false));
        assertThat(labels(inDanger)).containsExactly("emergency/cannot_call");
        Decision elsewhere = typed(View.ongoing().justSaid("hotline"), "ko goi dc",
                parsed("hotline", true, FollowUp.NONE, true, false));
        // Told their place in the queue first (issue 11), so that the answer's own button stays on screen.
        assertThat(labels(elsewhere)).containsExactly("human_agent", "system/cannot_call");
        // A caseworker is told before the answer says so.
        assertThat(elsewhere.actions().get(0)).isEqualTo(new Action.Escalate(Priority.HIGH, "hotline"));
        Decision firstThing = typed(View.ongoing(), "ko dam goi", parsed("hotline", true, FollowUp.NONE, true, false));
        assertThat(firstThing.actions()).contains(new Action.Escalate(Priority.HIGH, "human_agent"));
        for (Decision decision : List.of(inDanger, elsewhere, firstThing)) {
            String text = String.join("\n", texts(decision));
            assertThat(text).contains("113").contains("nhắn").doesNotContain("114").doesNotContain("Kêu to")
                    .doesNotContain("kêu to");
        }
        Decision crisis = typed(View.ongoing(), "…", new Parse("emergency", 1.0, List.of(), false, "đang đánh", null,
                "vi", FollowUp.NONE, true, false));
        assertThat(labels(crisis)).containsExactly("emergency/cannot_call", "human_agent");
    }

    @Test
    void aSureCrisisAgainGetsTheShortFormAndAHidingPersonIsNotToldToShout() {
        Parse crisis = new Parse("emergency", 1.0, List.of(), false, "cứu", null);
        // Right after a crisis answer the person already waits for a caseworker: no second queue line.
        assertThat(labels(typed(View.ongoing().justSaid("emergency").waitingForHuman(), "cứu", crisis)))
                .containsExactly("emergency/stay");
        Decision hiding = typed(View.ongoing(), "em trốn trong nhà tắm", crisis);
        assertThat(labels(hiding)).containsExactly("emergency/hiding", "human_agent");
        assertThat(texts(hiding).get(0).lines().findFirst().orElseThrow()).contains("113");
        for (String variant : answers.all().get("emergency").keySet()) {
            assertThat(answers.get("emergency", variant).text()).as(variant).doesNotContain("Kêu to").doesNotContain("kêu to");
        }
    }

    @Test
    void aShortAnswerAnswersWhatTheBotJustAsked() {
        View eraseAsked = View.ongoing().justSaid("delete_data/confirm");
        assertThat(typed(eraseAsked, "có", act("affirm")).actions())
                .containsExactly(new Action.Erase(), reply(AnswerName.DELETE_DATA_DONE));
        assertThat(typed(eraseAsked, "xóa đi", Parse.certain("delete_data")).actions())
                .containsExactly(new Action.Erase(), reply(AnswerName.DELETE_DATA_DONE));
        for (String no : List.of("deny", "never_mind")) {
            assertThat(typed(eraseAsked, "không", act(no)).actions()).as(no)
                    .containsExactly(reply(AnswerName.DELETE_DATA_CANCELLED));
        }
        View safetyAsked = View.ongoing().justSaid("domestic_violence", "system/safe_to_talk");
        assertThat(typed(safetyAsked, "có", act("affirm")).actions()).containsExactly(reply(AnswerName.SAFE_YES));
        assertThat(typed(safetyAsked, "ko", act("deny")).actions()).containsExactly(reply(AnswerName.SAFE_NO));

        View offered = View.ongoing().justSaid("counseling");
        assertThat(typed(offered, "ok", act("affirm")).actions()).containsExactly(
                new Action.Escalate(Priority.NORMAL, "human_agent"), reply(AnswerName.HUMAN_AGENT));
        assertThat(typed(offered, "ko", act("deny")).actions()).containsExactly(reply(AnswerName.DENY));
        assertThat(typed(offered.waitingForHuman(), "ok", act("affirm")).actions())
                .containsExactly(reply(AnswerName.HUMAN_AGENT_ALREADY_WAITING));
        // After a menu ("Bạn muốn mình giúp về điều gì?") a yes asks for nobody.
        assertThat(typed(View.ongoing().justSaid("greeting"), "ok", act("affirm")).actions())
                .containsExactly(reply(AnswerName.AFFIRM));
    }

    @Test
    void outsideAnyQuestionShortTurnsGetAFriendlyLineNeverAClarification() {
        for (String intent : List.of("affirm", "deny", "never_mind")) {
            Decision decision = typed(View.ongoing(), "…", act(intent));
            assertThat(labels(decision)).as(intent).containsExactly(intent);
            assertThat(String.join("\n", texts(decision))).as(intent).doesNotContain("chưa hiểu").contains("113");
        }
    }

    @Test
    void neverMindNeverUnsubscribes() {
        for (View view : List.of(View.ongoing(), View.ongoing().justSaid("subscribe"), View.ongoing().justSaid("counseling"))) {
            assertThat(typed(view, "thôi", act("never_mind")).actions())
                    .noneMatch(a -> a instanceof Action.Unsubscribe);
        }
    }

    @Test
    void aChildWritingAboutThemselfIsSpokenToAsTheChildWith111First() {
        for (String intent : List.of("child_abuse", "domestic_violence", "sexual_violence")) {
            Decision decision = typed(View.ongoing(), "…", parsed(intent, false, FollowUp.NONE, false, true));
            assertThat(labels(decision)).as(intent).startsWith("child_abuse/child");
            assertThat(decision.actions()).as(intent).contains(new Action.Escalate(Priority.HIGH, "child_abuse"));
            String text = texts(decision).get(0);
            assertThat(text).as(intent).startsWith("Em ơi").contains("111");
            assertThat(text.indexOf("111")).as(intent).isLessThan(text.indexOf("113"));
        }
        // An adult telling about a child gets the answer for the one who helps.
        assertThat(labels(says(View.ongoing(), "child_abuse"))).startsWith("child_abuse");
    }

    @Test
    void harassmentGetsItsOwnAnswerNotTheSeventyTwoHoursOne() {
        Decision decision = typed(View.ongoing(), "sếp cứ nhắn tin gạ gẫm, đụng chạm em ở công ty",
                Parse.certain("sexual_violence"));
        assertThat(labels(decision)).startsWith("sexual_violence/harassment");
        assertThat(texts(decision).get(0)).contains("bằng chứng").doesNotContain("72 giờ");
    }

    @Test
    void whichNumberAboutViolenceGets113And111FirstNeverFireOrPaidLines() {
        String text = texts(says(View.ongoing(), "hotline")).get(0);
        assertThat(text.lines().findFirst().orElseThrow()).contains("113");
        assertThat(text).contains("111").contains("115").doesNotContain("114").doesNotContain("1900");
        // The full list, fire included, only when asked for.
        String all = texts(typed(View.ongoing(), "cho mình tất cả các số", Parse.certain("hotline"))).get(0);
        assertThat(all).contains("114");
    }

    @Test
    void anUnsureCrisisGuessRaisesNoAlarmEvenWhileACaseworkerHasTheConversation() {
        Parse idiom = new Parse("self_harm", 0.3, List.of(new ScoredIntent("self_harm", 0.3)), true, null);
        assertThat(typed(View.ongoing().withCaseworker(), "deadline dí chết", idiom).actions()).isEmpty();
        assertThat(typed(View.ongoing(), "deadline dí chết", idiom).actions())
                .noneMatch(a -> a instanceof Action.Escalate);
    }
}
