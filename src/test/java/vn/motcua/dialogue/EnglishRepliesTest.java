package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentFolders;
import vn.motcua.content.ContentProperties;
import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.LanguageDetector;
import vn.motcua.nlu.Location;
import vn.motcua.nlu.Parse;
import vn.motcua.nlu.ScoredIntent;

/**
 * A message in English gets its answers in English: the same numbers and sources as the Vietnamese, English buttons
 * with the same payloads, and for what is written only in Vietnamese one honest English sentence with a caseworker
 * and 113. The language is that of each message.
 */
class EnglishRepliesTest {

    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d/])(11\\d|1[89]00(?:[ .]?\\d){4,6}|0\\d(?:[ .]?\\d){7,9})(?![\\d/])");

    /** Words every Vietnamese answer uses and no English one should, even around the directory's Vietnamese names. */
    private static final Pattern VIETNAMESE_WORD = Pattern.compile("(?<!\\p{L})(bạn|mình|gọi|nếu)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final ContentFiles content = new ContentFiles(ContentProperties.of(null));
    private final AnswerBook answers = new AnswerBook(content, List.of(new RequiredAnswers()));
    private final AnswerComposer composer = new AnswerComposer(new ServiceDirectory(content));
    private final DialoguePolicy policy = new DialoguePolicy(answers, composer);

    private static DialogueView view(boolean firstContact) {
        return new DialogueView(Channel.WEBCHAT, firstContact, false, false, 0, null, null,
                firstContact ? Set.of() : Set.of(Intents.GREETING), List.of());
    }

    private static Parse english(String intent) {
        return english(intent, null);
    }

    private static Parse english(String intent, String district) {
        return new Parse(intent, 0.95, List.of(new ScoredIntent(intent, 0.95)), false, null,
                district == null ? null : new Location(district, null, false), LanguageDetector.ENGLISH,
                FollowUp.NONE, false, false);
    }

    private static List<Answer> replies(Decision decision) {
        return decision.actions().stream().filter(Action.Reply.class::isInstance)
                .map(a -> ((Action.Reply) a).answer()).toList();
    }

    private Answer englishOf(String intent, String variant, String district) {
        return composer.compose(answers.get(intent, variant), district).englishTwin();
    }

    private Answer vietnameseOnly() {
        return answers.get(AnswerBook.SYSTEM, EnglishReplies.VIETNAMESE_ONLY);
    }

    private static Set<String> numbers(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            found.add(m.group(1).replaceAll("[ .]", ""));
        }
        return found;
    }

    private static Set<String> calls(Answer answer) {
        return answer.quickReplies().stream().filter(QuickReplyOption::dials).map(QuickReplyOption::payload)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every English twin, as composed for any place, gives exactly the numbers, call buttons and sources of its
     * Vietnamese twin, and none of the Vietnamese words around them.
     */
    @Test
    void everyEnglishAnswerHasTheNumbersCallButtonsAndSourcesOfItsVietnameseTwin() {
        List<String> mismatches = new ArrayList<>();
        for (String district : new String[] {null, "Quận 7", "Gò Vấp", "Quận 10", "Bình Chánh"}) {
            answers.all().forEach((intent, variants) -> variants.forEach((variant, written) -> {
                if (written.englishTwin() == null) {
                    return;
                }
                String where = intent + "/" + variant + " in " + district + ": ";
                Answer vietnamese = composer.compose(written, district);
                Answer english = vietnamese.englishTwin();
                if (!numbers(vietnamese.text()).equals(numbers(english.text()))) {
                    mismatches.add(where + "numbers " + numbers(vietnamese.text()) + " ≠ " + numbers(english.text()));
                }
                if (!calls(vietnamese).equals(calls(english))) {
                    mismatches.add(where + "call buttons " + calls(vietnamese) + " ≠ " + calls(english));
                }
                if (!Set.copyOf(written.sources()).equals(Set.copyOf(written.englishTwin().sources()))) {
                    mismatches.add(where + "sources differ");
                }
                Matcher vietnameseWord = VIETNAMESE_WORD.matcher(english.text());
                if (vietnameseWord.find()) {
                    mismatches.add(where + "the English says \"" + vietnameseWord.group() + "\"");
                }
            }));
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * English buttons carry the payloads of the Vietnamese ones (fewer of them: only those that lead somewhere in
     * English), every English label leads to an intent answered in English, and the Vietnamese button an English
     * text tells the person to tap is there.
     */
    @Test
    void englishButtonsKeepTheirPayloadsAndLeadToEnglishAnswers() {
        List<String> problems = new ArrayList<>();
        answers.all().forEach((intent, variants) -> variants.forEach((variant, written) -> {
            Answer english = written.englishTwin();
            if (english == null) {
                return;
            }
            Set<String> payloads = written.quickReplies().stream().map(QuickReplyOption::payload).collect(Collectors.toSet());
            english.quickReplies().stream().filter(q -> !payloads.contains(q.payload()))
                    .forEach(q -> problems.add(intent + "/" + variant + "_en: new payload " + q.payload()));
        }));
        answers.all().forEach((intent, variants) -> variants.forEach((variant, answer) -> {
            if (answer.english()) {
                answer.quickReplies().forEach(q -> Payloads.intentOf(q.payload())
                        .filter(target -> !answeredInEnglish(target))
                        .ifPresent(target -> problems.add(intent + "/" + variant + ": " + q.title() + " → " + target
                                + " has no English answer")));
                if (answer.text().contains("\"Xóa hết\"") && answers.get(Intents.DELETE_DATA, "confirm").quickReplies()
                        .stream().noneMatch(q -> q.title().equals("Xóa hết") && q.payload().equals(Payloads.ERASE_CONFIRM))) {
                    problems.add(intent + "/" + variant + ": tells the person to tap \"Xóa hết\", which is gone");
                }
            }
        }));
        for (String intent : Intents.ALL) {
            if (answers.englishTopic(intent).isPresent() && !answeredInEnglish(intent)) {
                problems.add(intent + " has an English label but no English answer");
            }
        }
        assertThat(problems).isEmpty();
    }

    private boolean answeredInEnglish(String intent) {
        return AnswerName.of(intent).map(name -> answers.get(name.intent(), name.variant()).englishTwin() != null)
                .orElse(false);
    }

    @Test
    void theAnswersThatMatterMostHaveEnglishTwinsInThePackagedContent() {
        for (String intent : List.of(Intents.EMERGENCY, Intents.SELF_HARM, Intents.DOMESTIC_VIOLENCE,
                Intents.SEXUAL_VIOLENCE, Intents.CHILD_ABUSE, Intents.HOTLINE, Intents.HUMAN_AGENT, Intents.SHELTER,
                Intents.GREETING, Intents.THANKS_GOODBYE)) {
            assertThat(answeredInEnglish(intent)).as(intent).isTrue();
            assertThat(answers.englishTopic(intent)).as(intent).isPresent();
        }
        assertThat(vietnameseOnly().text()).contains("Vietnamese").contains("caseworker").contains("113");
        assertThat(vietnameseOnly().quickReplies()).extracting(QuickReplyOption::payload)
                .containsExactly("INTENT:human_agent");
    }

    /** The English service lists say their doubts in English; the directory's names stay as written. */
    @Test
    void anEnglishServiceListSaysItsCaveatsInEnglish() {
        String hotlines = englishOf(Intents.HOTLINE, "all", null).text();
        assertThat(hotlines).contains("1900 969 680").contains("not confirmed").contains("may be charged")
                .doesNotContain("chưa được xác nhận").doesNotContain("có thể tính phí");
        String shelter = englishOf(Intents.SHELTER, "default", "Gò Vấp").text();
        assertThat(shelter).contains("14 Nguyễn Văn Bảo").contains("(address before 07/2025)")
                .doesNotContain("địa chỉ trước");
    }

    @Test
    void aForeignerHitByHerHusbandGetsTheEnglishAnswerWithTheOneStopPointsAndTheSafetyQuestion() {
        Decision decision = policy.decide(view(true), new InboundContent.Text("My husband hits me. I am a foreigner "
                + "living in District 7"), english(Intents.DOMESTIC_VIOLENCE, "Quận 7"));
        List<Answer> replies = replies(decision);
        assertThat(replies).containsExactly(answers.get(AnswerBook.SYSTEM, "disclosure_en"),
                englishOf(Intents.DOMESTIC_VIOLENCE, "default", "Quận 7"), answers.get(AnswerBook.SYSTEM, "safe_to_talk_en"));
        assertThat(replies.get(0).text()).contains("automated assistant").contains("113");
        assertThat(replies.get(1).text()).contains("not your fault").contains("113").contains("Bệnh viện Hùng Vương");
        assertThat(decision.understood()).isEqualTo(Intents.DOMESTIC_VIOLENCE);
        assertThat(decision.place()).isEqualTo("Quận 7");
        // What the conversation remembers as offered is what the person was shown: English titles.
        assertThat(decision.offered()).extracting(QuickReplyOption::title).contains("Talk to a caseworker", "Not safe yet");
    }

    @Test
    void aCrisisInEnglishIsAnsweredInEnglishFirstAndStillEscalatedCritical() {
        Decision decision = policy.decide(view(true), new InboundContent.Text("I want to kill myself"),
                english(Intents.SELF_HARM));
        assertThat(decision.actions().get(0)).isEqualTo(new Action.Reply(Intents.SELF_HARM,
                answers.get(Intents.SELF_HARM, "default_en")));
        assertThat(decision.actions()).contains(new Action.Escalate(Priority.CRITICAL, Intents.SELF_HARM));
        assertThat(replies(decision)).last().isEqualTo(answers.get(AnswerBook.SYSTEM, "disclosure_en"));
    }

    @Test
    void anythingWrittenOnlyInVietnameseGetsOneEnglishSentenceWithACaseworkerAnd113() {
        Decision decision = policy.decide(view(false), new InboundContent.Text("how much is the fine for beating"),
                english(Intents.LEGAL_RIGHTS));
        assertThat(replies(decision)).containsExactly(vietnameseOnly());
        assertThat(decision.understood()).isEqualTo(Intents.LEGAL_RIGHTS);
        assertThat(decision.offered()).extracting(QuickReplyOption::payload).containsExactly("INTENT:human_agent");
        // On first contact the notice still comes, in English, and the sentence is said once.
        assertThat(replies(policy.decide(view(true), new InboundContent.Text("…"), english(Intents.LEGAL_AID))))
                .containsExactly(answers.get(AnswerBook.SYSTEM, "disclosure_en"), vietnameseOnly());
    }

    @Test
    void theLanguageIsThatOfEachMessage() {
        Decision vietnamese = policy.decide(view(false), new InboundContent.Text("chồng em đánh em"),
                Parse.certain(Intents.DOMESTIC_VIOLENCE));
        assertThat(replies(vietnamese).get(0))
                .isEqualTo(composer.compose(answers.get(Intents.DOMESTIC_VIOLENCE, "default"), null));
        // A tap on an English button is English, whatever its payload's intent; a Vietnamese one is not.
        Decision tapped = policy.decide(view(false), new InboundContent.QuickReply("INTENT:human_agent",
                "Talk to a caseworker"), Parse.certain(Intents.HUMAN_AGENT));
        assertThat(tapped.actions()).containsExactly(new Action.Escalate(Priority.NORMAL, Intents.HUMAN_AGENT),
                new Action.Reply(Intents.HUMAN_AGENT, answers.get(Intents.HUMAN_AGENT, "default_en")));
        Decision tappedInVietnamese = policy.decide(view(false), new InboundContent.QuickReply("INTENT:human_agent",
                "Gặp nhân viên"), Parse.certain(Intents.HUMAN_AGENT));
        assertThat(replies(tappedInVietnamese)).containsExactly(answers.get(Intents.HUMAN_AGENT, "default"));
        // The safety question's English buttons carry no intent: their titles still tell.
        assertThat(replies(policy.decide(view(false), new InboundContent.QuickReply(Payloads.SAFE_NO, "Not safe yet"),
                null))).containsExactly(answers.get(AnswerBook.SYSTEM, "safe_no_en"));
    }

    @Test
    void anEnglishQuestionBackOffersOnlyTopicsAnsweredInEnglish() {
        Parse unsure = new Parse(Intents.EMERGENCY, 0.2, List.of(new ScoredIntent(Intents.EMERGENCY, 0.2),
                new ScoredIntent(Intents.LEGAL_RIGHTS, 0.2), new ScoredIntent(Intents.CHILD_ABUSE, 0.2)), true, null,
                null, LanguageDetector.ENGLISH, FollowUp.NONE, false, false);
        Answer question = replies(policy.decide(view(false), new InboundContent.Text("…"), unsure)).get(0);
        assertThat(question.text()).isEqualTo(answers.get(AnswerBook.SYSTEM, "clarify_en").text()).contains("113");
        assertThat(question.quickReplies()).containsExactly(
                new QuickReplyOption("Danger now", "INTENT:emergency"),
                new QuickReplyOption("Child abuse", "INTENT:child_abuse"),
                new QuickReplyOption("Talk to a caseworker", "INTENT:human_agent"));
    }

    @Test
    void erasingFromAnEnglishButtonIsConfirmedAndDoneInEnglish() {
        Decision asked = policy.decide(view(false), new InboundContent.QuickReply("INTENT:delete_data",
                "Erase this chat"), Parse.certain(Intents.DELETE_DATA));
        assertThat(replies(asked)).containsExactly(answers.get(Intents.DELETE_DATA, "confirm_en"));
        Decision erased = policy.decide(view(false), new InboundContent.QuickReply(Payloads.ERASE_CONFIRM, "Erase all"),
                null);
        assertThat(erased.actions()).containsExactly(new Action.Erase(),
                new Action.Reply(Intents.DELETE_DATA, "done_webchat",
                        answers.get(Intents.DELETE_DATA, "done_webchat_en")));
    }

    /** Staff removed an English twin from a folder used without the start-up check: the fallback is honest. */
    @Test
    void aMissingEnglishTwinGivesTheVietnameseOnlySentenceAndTheStartUpCheckNamesIt(@TempDir Path dir) throws IOException {
        ContentFolders.copyInto(dir);
        Path file = dir.resolve("intents/greeting.answers.yml");
        Files.writeString(file, Files.readString(file).replace("\n  default_en:", "\n  hello_en:"));
        ContentFiles edited = new ContentFiles(ContentProperties.of(dir.toString()));
        AnswerBook unchecked = new AnswerBook(edited);
        DialoguePolicy withoutTwin = new DialoguePolicy(unchecked, new AnswerComposer(new ServiceDirectory(edited)));

        assertThat(replies(withoutTwin.decide(view(false), new InboundContent.Text("hello there"),
                english(Intents.GREETING)))).containsExactly(unchecked.get(AnswerBook.SYSTEM, EnglishReplies.VIETNAMESE_ONLY));
        assertThat(new RequiredAnswers().missingFrom((intent, variant) -> unchecked.find(intent, variant).isPresent()))
                .containsExactly("greeting/default_en");
    }

    @Test
    void theRequiredEnglishTwinsAreNamedByTheirFileAndVariant() {
        assertThat(new RequiredAnswers().missingFrom((intent, variant) -> false))
                .contains("emergency/default_en", "system/disclosure_en", "human_agent/already_waiting_en",
                        "system/" + EnglishReplies.VIETNAMESE_ONLY);
    }
}
