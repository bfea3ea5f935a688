package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import reactor.test.StepVerifier;
import vn.motcua.MovableClock;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.handoff.HandoffEvent;
import vn.motcua.handoff.RedisHandoffInstance;
import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * The console's live stream with several instances: a caseworker whose console is connected to instance A sees, as
 * they happen, what instance B handled — a person's new message, a colleague's claim and reply, a crisis alert.
 */
class EventsAcrossInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisScope keys = RedisTestSupport.scope("console-events");
    private final RedisScope otherConnection = RedisTestSupport.scope("unused");
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final MovableClock clock = new MovableClock();
    private final RedisHandoffInstance a = new RedisHandoffInstance(keys, conversations, clock);
    private final RedisHandoffInstance b = new RedisHandoffInstance(
            new RedisScope(keys.prefix(), keys.keys(), otherConnection.factory(), otherConnection.template()),
            conversations, clock);

    @AfterEach
    void close() {
        a.close();
        b.close();
        otherConnection.factory().destroy();
        keys.close();
    }

    @Test
    void aConsoleOnOneInstanceShowsLiveWhatAnotherInstanceHandled() {
        EventsController consoleOnA = new EventsController(a.events(), a.desk(), a.presence(), clock,
                Duration.ofSeconds(15), new ConsoleProperties(null, null, null, 0, 0, null, null, null));
        String id = UUID.randomUUID().toString();
        Conversation started = Conversation.start(id, Channel.MESSENGER,
                RedisHandoffInstance.sealing().seal("messenger|psid-1"), clock.instant());
        b.escalate(started, Priority.HIGH, conversations);
        Turn written = new Turn(Speaker.PERSON, RedisHandoffInstance.sealing().seal("Anh ấy lại đánh tôi"),
                "violence", clock.instant());

        StepVerifier.create(consoleOnA.events(() -> "lan", new InMemoryWebSessionStore().createWebSession().block())
                        .filter(e -> e.event() != null))
                // The person's message arrived at instance B, whose turn saved it and announced it.
                .then(() -> {
                    conversations.computeIfPresent(id, (k, c) -> c.withTurn(written));
                    b.events().publish(new HandoffEvent.MessageChanged(id, written.messageId())).block(WAIT);
                })
                .assertNext(e -> assertThat(message(e)).isEqualTo("PERSON: Anh ấy lại đánh tôi"))
                // A colleague signed in at instance B takes it and answers.
                .then(() -> b.desk().claim(id, "minh").block(WAIT))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("queue");
                    ConsoleJson.Summary summary = (ConsoleJson.Summary) e.data();
                    assertThat(summary.state()).isEqualTo("WITH_HUMAN");
                    assertThat(summary.assignee()).isEqualTo("minh");
                })
                .then(() -> b.desk().reply(id, "minh", "Chị đang ở đâu? Chị có an toàn không?").block(WAIT))
                .assertNext(e -> assertThat(message(e)).isEqualTo("CASEWORKER: Chị đang ở đâu? Chị có an toàn không?"))
                .then(() -> b.events().publish(new HandoffEvent.Alert(id, Priority.CRITICAL, HandoffEvent.Alert.CRISIS,
                        clock.instant())).block(WAIT))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("alert");
                    assertThat(((EventsController.AlertEvent) e.data()).reason()).isEqualTo("crisis");
                })
                .thenCancel()
                .verify(WAIT);
    }

    private static String message(ServerSentEvent<Object> e) {
        assertThat(e.event()).isEqualTo("message");
        ConsoleJson.Message m = ((EventsController.MessageEvent) e.data()).message();
        return m.from() + ": " + m.text();
    }
}
