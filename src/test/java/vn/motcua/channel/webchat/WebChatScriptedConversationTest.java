package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import reactor.test.StepVerifier;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.message.Priority;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.privacy.PseudonymousIds;

/**
 * A whole conversation on the web chat, as a person would have it: greeting → disclosure → legal question → place →
 * services → thanks. Each reply is checked for what the bot understood and what the person needs to read. The rate
 * limit is raised for this one test: seven messages in a row is what a real person writes.
 */
@TestPropertySource(properties = "motcua.webchat.rate-limit=20")
class WebChatScriptedConversationTest extends WebChatIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    AnswerBook answers;

    @Autowired
    AnswerComposer composer;

    @Autowired
    ConversationStore conversations;

    @Autowired
    HandoffQueue handoff;

    @Autowired
    PseudonymousIds ids;

    @Test
    void greetingDisclosureLegalQuestionPlaceServicesThanks() {
        String session = api.openSession();
        String conversation = ids.conversationId("webchat", session);

        StepVerifier.create(api.stream(session).map(e -> e.path("text").asString()))
                .then(() -> api.send(session, "chào bạn").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).isEqualTo(answers.get("greeting", "default").text())
                        .contains("trợ lý tự động").contains("113"))
                .then(() -> api.send(session, "chồng tôi hay đánh tôi mỗi khi say rượu").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).contains("không phải lỗi của bạn").contains("113"))
                .assertNext(text -> assertThat(text).contains("an toàn để nói chuyện"))
                .then(() -> api.tap(session, "SAFE:YES", "An toàn").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).isEqualTo(answers.get(AnswerBook.SYSTEM, "safe_yes").text()))
                .then(() -> api.send(session, "lệnh cấm tiếp xúc là gì").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).contains("Luật"))
                .then(() -> api.send(session, "tôi ở Gò Vấp").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).isEqualTo(answers.get(AnswerBook.SYSTEM, "place_noted").text()))
                .then(() -> api.send(session, "cho em hỏi chỗ tạm lánh").expectStatus().isAccepted())
                .assertNext(text -> {
                    String firstListed = text.lines().filter(l -> l.startsWith("• ")).findFirst().orElse("");
                    assertThat(firstListed).contains("14 Nguyễn Văn Bảo").contains("Gò Vấp");
                    assertThat(text).isEqualTo(composer.compose(answers.get("shelter", "default"), "Gò Vấp").text());
                })
                // Shelter is escalated: told honestly that nobody is on duty now (no caseworker signed in), and
                // that the conversation stays in the queue.
                .assertNext(text -> assertThat(text).contains("vị trí thứ 1", "không có nhân viên hỗ trợ nào đang trực",
                        "hàng chờ", "113"))
                .then(() -> api.send(session, "cảm ơn bạn nhiều nha").expectStatus().isAccepted())
                .assertNext(text -> assertThat(text).isEqualTo(answers.get("thanks_goodbye", "default").text()))
                .thenCancel()
                .verify(WAIT);

        List<String> understood = conversations.find(conversation).blockOptional().orElseThrow().turns().stream()
                .filter(t -> t.speaker() == Speaker.PERSON).map(Turn::intent).toList();
        assertThat(understood).containsExactly("greeting", "domestic_violence", null, "legal_rights", understood.get(4),
                "shelter", "thanks_goodbye");
        assertThat(conversations.find(conversation).block().place()).isEqualTo("Gò Vấp");
        assertThat(handoff.waiting().block()).anyMatch(e -> e.conversationId().equals(conversation)
                && e.priority() == Priority.HIGH && e.reason().equals("shelter"));
    }
}
