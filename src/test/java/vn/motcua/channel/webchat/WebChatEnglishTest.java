package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.message.Priority;
import vn.motcua.privacy.PseudonymousIds;

/**
 * Messages in English, through the web chat API as the page sends them: each is answered in English with the numbers
 * that matter for it, and a message in Vietnamese in the same conversation is answered in Vietnamese. Answers are
 * checked by their facts (numbers, key words), and for being English: none of them may carry the Vietnamese words
 * every Vietnamese answer uses.
 */
class WebChatEnglishTest extends WebChatIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Words of the Vietnamese answers (bạn, mình, gọi, nếu) that no English answer has, even around Vietnamese names. */
    private static final Pattern VIETNAMESE_WORD = Pattern.compile("(?<!\\p{L})(bạn|mình|gọi|nếu)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Autowired
    HandoffQueue handoff;

    @Autowired
    PseudonymousIds ids;

    private static String text(JsonNode event) {
        return event.path("text").asString();
    }

    private static List<String> titles(JsonNode event) {
        return event.path("quickReplies").valueStream().map(q -> q.path("title").asString()).toList();
    }

    private static Consumer<JsonNode> english(String... facts) {
        return event -> {
            assertThat(VIETNAMESE_WORD.matcher(text(event)).find()).as(text(event)).isFalse();
            assertThat(text(event)).contains(facts);
            titles(event).forEach(title -> assertThat(title).as("button").matches("[A-Za-z0-9 ,'-]+"));
        };
    }

    private static final Consumer<JsonNode> DISCLOSURE = english("automated assistant", "113", "111");
    /** Nobody is on duty in these tests: the person is told so honestly, with their place in the queue. */
    private static final Consumer<JsonNode> QUEUED_OFF_DUTY = english("in the queue (number 1)", "no caseworker is on duty",
            "113");

    private boolean escalated(String session, Priority priority, String reason) {
        String conversation = ids.conversationId("webchat", session);
        return handoff.waiting().block().stream().anyMatch(e -> e.conversationId().equals(conversation)
                && e.priority() == priority && e.reason().equals(reason));
    }

    @Test
    void aForeignerHitByHerHusbandIsAnsweredInEnglishAndHerNextVietnameseMessageInVietnamese() {
        String session = api.openSession();

        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "My husband hits me. I am a foreigner living in District 7")
                        .expectStatus().isAccepted())
                .assertNext(DISCLOSURE)
                .assertNext(english("not your fault", "113", "one-stop", "Bệnh viện Hùng Vương")
                        .andThen(event -> assertThat(titles(event)).contains("Talk to a caseworker")))
                .assertNext(english("safe to talk").andThen(event ->
                        assertThat(titles(event)).containsExactly("Yes, I am safe", "Not safe yet")))
                // The English button she taps is English too.
                .then(() -> api.tap(session, "INTENT:human_agent", "Talk to a caseworker").expectStatus().isAccepted())
                .assertNext(english("caseworker", "113"))
                .then(() -> api.send(session, "cảm ơn bạn nhiều nha").expectStatus().isAccepted())
                .assertNext(event -> assertThat(text(event)).contains("Cảm ơn bạn", "113"))
                .thenCancel()
                .verify(WAIT);

        assertThat(escalated(session, Priority.NORMAL, "human_agent")).isTrue();
    }

    /** A first message on a new session; its replies, in order, each checked by one of {@code replies}. */
    @SafeVarargs
    private String firstMessage(String text, Consumer<JsonNode>... replies) {
        String session = api.openSession();
        StepVerifier.Step<JsonNode> step = StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, text).expectStatus().isAccepted());
        for (Consumer<JsonNode> reply : replies) {
            step = step.assertNext(reply);
        }
        step.thenCancel().verify(WAIT);
        return session;
    }

    @Test
    void askingWhichNumberToCallInEnglishGets113FirstAndOneNumberForEachNeed() {
        // One number for one need (issue 10): 113, 111 and 115 with what each is for; no fire line, no paid line.
        firstMessage("What number do I call in an emergency?", DISCLOSURE,
                english("call 113 (police)", "111", "115")
                        .andThen(event -> assertThat(text(event)).doesNotContain("114").doesNotContain("1900")
                                .startsWith("Violence, in danger now: call 113")));
    }

    @Test
    void suicideInEnglishGetsTheCrisisAnswerFirstInEnglishAndACriticalEscalation() {
        String session = firstMessage("I want to kill myself", english("115", "113", "111", "not alone"),
                QUEUED_OFF_DUTY, DISCLOSURE);
        assertThat(escalated(session, Priority.CRITICAL, "self_harm")).isTrue();
    }

    @Test
    void aChildBeingHurtInEnglishGets111And113InEnglish() {
        firstMessage("someone is hurting my child", DISCLOSURE, english("111", "113", "not their fault")
                .andThen(event -> assertThat(titles(event)).contains("Call 111")));
    }

    @Test
    void askingForARealPersonInEnglishIsEscalatedAndToldSoInEnglish() {
        String session = firstMessage("can I talk to a real person", DISCLOSURE, QUEUED_OFF_DUTY);
        assertThat(escalated(session, Priority.NORMAL, "human_agent")).isTrue();
    }

    @Test
    void somethingAnsweredOnlyInVietnameseGetsTheEnglishSentenceWithACaseworkerButton() {
        firstMessage("my ex posted my photos online", DISCLOSURE, english("works in Vietnamese", "caseworker", "113")
                .andThen(event -> assertThat(titles(event)).containsExactly("Talk to a caseworker")));
    }
}
