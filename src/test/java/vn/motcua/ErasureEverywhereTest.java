package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.test.StepVerifier;
import vn.motcua.console.ApiClient;
import vn.motcua.handoff.AuditEntry;
import vn.motcua.handoff.AuditLog;

/**
 * Issue 13: erasure, by the person ("xóa" in the chat) or by a caseworker (the console's erase action), leaves
 * nothing about the person in any store, within seconds. On Redis the same checks run through a subclass that
 * only sets the Redis properties (StoreContents reads whichever store is selected).
 */
class ErasureEverywhereTest extends PersonalDataScenario {

    @Autowired
    AuditLog audit;

    /** What erasure leaves behind about a conversation, in any store. */
    List<String> leftAbout(String conversationId, Set<String> also) {
        Set<String> forbidden = new HashSet<>(NEVER_IN_CLEAR);
        forbidden.addAll(also);
        forbidden.add(conversationId);
        return StoreContents.containing(stored().stream().filter(s -> !outboxDiscardMarker(s)).toList(), forbidden);
    }

    /**
     * The outbox remembers, for at most a day, that a conversation's waiting messages were discarded (so that none
     * decided before the erasure is sent after it) and which message ids it has sent since (so that the erasure's own
     * confirmation is not sent twice after a takeover): a pseudonymous id and opaque ids, nothing else.
     */
    boolean outboxDiscardMarker(StoreContents.Stored s) {
        return "InMemoryOutbox".equals(s.where()) || s.where().matches("(key|.* at) outbox:(discarded|sent):\\{conv:…}");
    }

    @Test
    void theConsolesEraseActionLeavesNothingAboutThePersonInAnyStoreWithinSeconds() {
        String psid = newPsid();
        String id = messengerConversationWithACaseworker(psid);
        assertThat(leftAbout(id, Set.of(psid))).as("before: the conversation is there").isNotEmpty();

        long started = System.nanoTime();
        ApiClient.signedIn(port, "lan", "lan-password").post().uri("/api/conversations/{id}/erase", id).exchange()
                .expectStatus().isNoContent();
        eventually().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(leftAbout(id, Set.of(psid))).as("left after erasure").isEmpty());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Console erasure: every store clean " + millis + " ms after the request");

        assertThat(audit.recent(1).block()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEntry.Action.ERASE);
            assertThat(e.actor()).isEqualTo("lan");
            assertThat(e.conversationId()).as("the entry names no person").isNull();
            assertThat(e.detail()).isNull();
        });
        ApiClient.signedIn(port, "lan", "lan-password").get().uri("/api/conversations/{id}", id).exchange()
                .expectStatus().isNotFound();
        // Without the CSRF token the action is refused (a page elsewhere cannot make a signed-in browser erase).
        ApiClient.anonymous(port).post().uri("/api/conversations/{id}/erase", id)
                .headers(h -> h.setBasicAuth("lan", "lan-password")).exchange().expectStatus().isForbidden();
    }

    @Test
    void thePersonsOwnErasureInTheChatLeavesNothingAboutThemInAnyStore() {
        String session = openWebChat();
        String id = ids.conversationId("webchat", session);
        StepVerifier.create(webChatStream(session).map(event -> event.path("text").asString()))
                .then(() -> {
                    webChat(session, PERSON_WRITES.get(0));
                    webChat(session, PERSON_WRITES.get(1));
                    webChatTap(session, "INTENT:subscribe", "Nhận tin");
                    webChatTap(session, "INTENT:human_agent", "Gặp nhân viên");
                })
                .thenConsumeWhile(text -> !text.contains("hàng chờ"))
                .expectNextMatches(text -> text.contains("hàng chờ"))
                .thenCancel()
                .verify(Duration.ofSeconds(15));
        settled();
        assertThat(leftAbout(id, Set.of(session))).as("before: the conversation is there").isNotEmpty();

        // "Xóa" in the chat, confirmed with its button: the same end as typing it and saying yes.
        StepVerifier.create(webChatStream(session).map(event -> event.path("text").asString()))
                .then(() -> webChatTap(session, "ERASE:CONFIRM", "Xóa"))
                .thenConsumeWhile(text -> !text.contains("Mình đã xóa mọi thứ"))
                .expectNextMatches(text -> text.contains("Mình đã xóa mọi thứ"))
                .expectComplete()
                .verify(Duration.ofSeconds(15));

        eventually().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(leftAbout(id, Set.of(session))).as("left after erasure").isEmpty());
    }
}
