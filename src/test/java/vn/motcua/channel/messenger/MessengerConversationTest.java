package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.channel.messenger.MessengerWebhookClient.delivery;
import static vn.motcua.channel.messenger.MessengerWebhookClient.entry;
import static vn.motcua.channel.messenger.MessengerWebhookClient.quickReply;
import static vn.motcua.channel.messenger.MessengerWebhookClient.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.handoff.Escalation;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.message.Priority;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;

/** What a person on Messenger sees: every event answered once, in order, and danger answered with 113 first. */
class MessengerConversationTest extends MessengerIntegrationTest {

    @Autowired
    AnswerBook answers;

    @Autowired
    AnswerComposer composer;

    @Autowired
    HandoffQueue handoff;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    ConversationStore conversations;

    @Autowired
    TextSealer sealer;

    @Test
    void aBatchedDeliveryWithTwoPeopleInTwoEntriesAnswersBoth() {
        String first = newPsid();
        String second = newPsid();
        webhook.post("{\"object\":\"page\",\"entry\":[" + entry(text(first, newMid(), "chào bạn")) + ","
                + entry(text(second, newMid(), "xin chào")) + "]}").expectStatus().isOk();

        assertThat(awaitMessages(first, 1)).isNotEmpty();
        assertThat(awaitMessages(second, 1)).isNotEmpty();
    }

    @Test
    void theSameDeliveryPostedTwiceIsAnsweredOnce() {
        String psid = newPsid();
        String body = delivery(text(psid, newMid(), "chào bạn"));
        webhook.post(body).expectStatus().isOk();
        double duplicatesBefore = duplicates();
        webhook.post(body).expectStatus().isOk();
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);

        // The person's next message is handled after anything queued before it: if the retry had been queued,
        // its answer would already be there.
        webhook.post(delivery(text(psid, newMid(), "cảm ơn nhé"))).expectStatus().isOk();
        awaitMessages(psid, 2);
        assertThat(GRAPH.messagesTo(psid)).hasSize(2);
    }

    @Test
    void theSameDeliveryPostedEightTimesAtOnceIsAnsweredOnce() {
        // All eight may pass the door before any is marked (the mark follows the append, so that a crash between the
        // two loses nothing): the copies then reach the same turn id, and only the first is answered.
        String psid = newPsid();
        String body = delivery(text(psid, newMid(), "chào bạn"));
        Flux.range(0, 8).flatMap(i -> Mono.fromRunnable(() -> webhook.post(body).expectStatus().isOk())
                        .subscribeOn(Schedulers.boundedElastic()))
                .blockLast(Duration.ofSeconds(30));

        webhook.post(delivery(text(psid, newMid(), "cảm ơn nhé"))).expectStatus().isOk();
        awaitMessages(psid, 2);
        assertThat(GRAPH.messagesTo(psid)).as("one answer to the delivery, one to the next message").hasSize(2);
    }

    @Test
    void tenMessagesFromOnePersonAreAnsweredInTheOrderSent() {
        String psid = newPsid();
        List<String> intents = List.of("greeting", "hotline", "legal_rights", "legal_aid", "police_report",
                "medical_help", "counseling", "one_stop_info", "online_abuse", "thanks_goodbye");
        List<String> events = new ArrayList<>();
        for (String intent : intents) {
            events.add(quickReply(psid, newMid(), answers.topic(intent).orElseThrow(), "INTENT:" + intent));
        }
        webhook.post(delivery(events.toArray(String[]::new))).expectStatus().isOk();

        List<String> sent = awaitMessages(psid, intents.size()).stream().map(GraphApiStub.SendCall::text).toList();
        List<String> expected = intents.stream().map(i -> composer.compose(answers.get(i, "default"), null).text()).toList();
        assertThat(sent).containsExactlyElementsOf(expected);
    }

    @Test
    void aCryForHelpWithAccentsGets113FirstAndIsEscalatedCritical() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), "cứu tôi với anh ta đang đánh tôi"))).expectStatus().isOk();

        assertThat(awaitMessages(psid, 1).get(0).text()).contains("113");
        eventually().until(() -> priorityOf(psid) == Priority.CRITICAL);
    }

    @Test
    void theSameCryWithoutAccentsAlsoGets113First() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), "cuu toi voi anh ta dang danh toi"))).expectStatus().isOk();

        assertThat(awaitMessages(psid, 1).get(0).text()).contains("113");
        eventually().until(() -> priorityOf(psid) == Priority.CRITICAL);
    }

    @Test
    void askingForAPersonIsEscalatedAndTheReplySaysACaseworkerWasTold() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), "cho tôi nói chuyện với nhân viên tư vấn"))).expectStatus().isOk();

        List<GraphApiStub.SendCall> calls = awaitMessages(psid, 2);
        // Told their place in the queue and the hotlines (whether a quick answer is promised depends on who is on
        // duty: HandoffFlowTest).
        assertThat(calls.get(1).text()).contains("hàng chờ", "vị trí thứ ", "113", "111")
                .doesNotContain("{position}", "{wait}");
        assertThat(priorityOf(psid)).isEqualTo(Priority.NORMAL);
    }

    @Test
    void typingTheTitleOfAnOfferedButtonWithoutAccentsCountsAsTappingIt() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), "tôi muốn xóa cuộc trò chuyện"))).expectStatus().isOk();
        assertThat(awaitMessages(psid, 2).get(1).quickReplyPayloads()).contains("ERASE:CANCEL");

        // Read as words, "khong xoa" would be about erasing again; read as the button offered, it cancels.
        webhook.post(delivery(text(psid, newMid(), "khong xoa"))).expectStatus().isOk();
        assertThat(awaitMessages(psid, 3).get(2).text()).isEqualTo(answers.get("delete_data", "cancelled").text());
    }

    @Test
    void aMessageInStandbyIsRecordedButNotAnswered() {
        String psid = newPsid();
        String standby = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":1,\"standby\":["
                + text(psid, newMid(), "chị ơi em cần hỏi") + "]}]}";
        webhook.post(standby).expectStatus().isOk();
        webhook.post(delivery(text(psid, newMid(), "xin chào"))).expectStatus().isOk();

        awaitMessages(psid, 1);
        assertThat(GRAPH.messagesTo(psid)).as("only the message outside standby is answered").hasSize(1);
        eventually().untilAsserted(() -> assertThat(personTurns(psid))
                .as("what the person wrote, standby included, is in the record")
                .containsExactly("chị ơi em cần hỏi", "xin chào"));
    }

    @Test
    void typingIsShownOnceBeforeAnOrdinaryReplyOfSeveralMessages() {
        String psid = newPsid();
        webhook.post(delivery(text(psid, newMid(), "chồng tôi hay đánh tôi"))).expectStatus().isOk();
        List<GraphApiStub.SendCall> messages = awaitMessages(psid, 3);

        List<GraphApiStub.SendCall> calls = GRAPH.allTo(psid);
        assertThat(calls.get(0).body().path("sender_action").asString()).isEqualTo("typing_on");
        // Each indicator is a Graph call the next message waits for: one per turn, not one per message.
        assertThat(calls).filteredOn(c -> c.body().has("sender_action")).hasSize(1);
        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
    }

    private List<String> personTurns(String psid) {
        Conversation conversation = conversations.find(ids.conversationId("messenger", psid)).block();
        return conversation == null ? List.of() : conversation.turns().stream()
                .filter(turn -> turn.speaker() == Speaker.PERSON).map(turn -> sealer.open(turn.sealedText())).toList();
    }

    private Priority priorityOf(String psid) {
        String id = ids.conversationId("messenger", psid);
        return handoff.waiting().block().stream().filter(e -> e.conversationId().equals(id))
                .map(Escalation::priority).findFirst().orElse(null);
    }
}
