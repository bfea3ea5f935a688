package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.inbox.InboxQueue;

import reactor.test.StepVerifier;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.privacy.PseudonymousIds;

/** After "Xóa cuộc trò chuyện", nothing of that session is left anywhere the service keeps things. */
class WebChatEraseTest extends WebChatIntegrationTest {

    @Autowired
    ConversationStore conversations;

    @Autowired
    HandoffQueue handoff;

    @Autowired
    SubscriberStore subscribers;

    @Autowired
    WebChatSessionStore sessions;

    @Autowired
    WebChatRelay streams;

    @Autowired
    MessageRateLimiter limiter;

    @Autowired
    FailedSendLog failures;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    InboxQueue inbox;

    @Autowired
    MeterRegistry meters;

    private double webChatErasures() {
        var counter = meters.find("motcua.turns").tag("channel", "webchat").tag("intent", "delete_data").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eraseLeavesNothingOfTheSessionInAnyStore() {
        String session = api.openSession();
        String conversationId = ids.conversationId("webchat", session);

        // Fill every store: a conversation, a place in the caseworker queue, an opt-in to awareness messages.
        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .expectNextCount(1)
                .then(() -> api.tap(session, "INTENT:human_agent", "Gặp nhân viên").expectStatus().isAccepted())
                .expectNextCount(1)
                .then(() -> api.tap(session, "INTENT:subscribe", "Nhận tin").expectStatus().isAccepted())
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> conversations.find(conversationId).block() != null
                && inHandoffQueue(conversationId) && Boolean.TRUE.equals(subscribers.isSubscribed(conversationId).block()));
        assertThat(sessions.touch(session).block()).isTrue();
        assertThat(streams.holds(session).block()).isTrue();
        assertThat(limiter.holds(session)).isTrue();
        long failuresBefore = failures.recent().count().block();
        double erasuresBefore = webChatErasures();

        api.erase(session).expectStatus().isNoContent();

        // The erasure runs as the person's next turn in the inbox, under the conversation's lock: quietly (nobody is
        // left to tell, so no reply and no failed send is recorded), and nothing comes back after it.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> webChatErasures() > erasuresBefore && inbox.pending() == 0);
        assertNothingLeft(session, conversationId);
        assertThat(failures.recent().count().block()).isEqualTo(failuresBefore);

        api.send(session, "chao ban").expectStatus().isNotFound();
        http.get().uri("/webchat/stream?session={s}", session).exchange().expectStatus().isNotFound();
    }

    @Test
    void anOpenStreamEndsWhenItsSessionIsErased() {
        String session = api.openSession();

        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .expectNextCount(1)
                .then(() -> api.erase(session).expectStatus().isNoContent())
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anErasureConfirmedInsideTheChatEndsTheSessionAsTheEraseButtonDoes() {
        String session = api.openSession();
        String conversationId = ids.conversationId("webchat", session);

        StepVerifier.create(api.stream(session).map(event -> event.path("text").asString()))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .expectNextCount(1)
                .then(() -> api.tap(session, "ERASE:CONFIRM", "Xóa").expectStatus().isAccepted())
                .assertNext(last -> assertThat(last).contains("Mình đã xóa mọi thứ"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertNothingLeft(session, conversationId);
        api.send(session, "chao ban").expectStatus().isNotFound();
    }

    /** Issue 10: "xoa het di", then "có" typed: the same end as the button. */
    @Test
    void anErasureTypedInWordsIsConfirmedWithAButtonAndAWordThenEndsTheSession() {
        String session = api.openSession();
        String conversationId = ids.conversationId("webchat", session);

        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .expectNextCount(1)
                .then(() -> api.send(session, "xoa het di").expectStatus().isAccepted())
                .assertNext(question -> assertThat(question.toString()).contains("ERASE:CONFIRM"))
                .then(() -> api.send(session, "có").expectStatus().isAccepted())
                .assertNext(last -> assertThat(last.path("text").asString()).contains("Mình đã xóa mọi thứ"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));

        assertNothingLeft(session, conversationId);
        api.send(session, "chao ban").expectStatus().isNotFound();
    }

    @Test
    void eraseStillWorksAfterTheSessionExpiredAndIsHarmlessTwice() {
        String session = api.openSession();
        String conversationId = ids.conversationId("webchat", session);
        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> conversations.find(conversationId).block() != null);
        // As if the session had expired: the conversation outlives it, so erasure must still reach it.
        sessions.close(session).block();

        api.erase(session).expectStatus().isNoContent();
        api.erase(session).expectStatus().isNoContent();

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> conversations.find(conversationId).block() == null && inbox.pending() == 0);
        assertThat(conversations.find(conversationId).block()).isNull();
        api.erase("not-a-session").expectStatus().isNotFound();
    }

    private void assertNothingLeft(String session, String conversationId) {
        assertThat(conversations.find(conversationId).block()).as("conversation store").isNull();
        assertThat(inHandoffQueue(conversationId)).as("handoff queue").isFalse();
        assertThat(subscribers.isSubscribed(conversationId).block()).as("subscriber store").isFalse();
        assertThat(sessions.touch(session).block()).as("session store").isFalse();
        assertThat(streams.holds(session).block()).as("event stream and its buffer").isFalse();
        assertThat(limiter.holds(session)).as("rate limiter").isFalse();
    }

    private boolean inHandoffQueue(String conversationId) {
        return handoff.waiting().block().stream().anyMatch(e -> e.conversationId().equals(conversationId));
    }
}
