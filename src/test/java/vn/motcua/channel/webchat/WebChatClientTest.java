package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.test.StepVerifier;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.InMemoryFailedSendLog;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;

/** How the web chat renders a message on a session's stream: who speaks, and which buttons dial. */
class WebChatClientTest {

    private final WebChatProperties properties = new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10),
            Duration.ofMinutes(30), 0, null, 0, null, 0, null);
    private final WebChatRelay streams = new InMemoryWebChatRelay(properties);
    private final InMemoryFailedSendLog failures = new InMemoryFailedSendLog(new SimpleMeterRegistry());
    private final WebChatClient client = new WebChatClient(streams, new InMemoryWebChatSessionStore(properties),
            new MessageRateLimiter(properties), failures);

    @Test
    void aCallButtonIsMarkedAsOneThatDialsAndNoOtherIs() {
        streams.keep("s").block();
        client.send(message("s", Purpose.RESPONSE, List.of(new QuickReplyOption("Gọi 113", "tel:113"),
                new QuickReplyOption("113", "113")))).block();

        StepVerifier.create(streams.listen("s"))
                .assertNext(event -> {
                    assertThat(event.from()).isEqualTo(WebChatEvent.BOT);
                    assertThat(event.quickReplies()).containsExactly(new WebChatEvent.Button("Gọi 113", "tel:113", true),
                            new WebChatEvent.Button("113", "113", false));
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aCaseworkersMessageShowsAsTheirs() {
        streams.keep("s").block();
        client.send(message("s", Purpose.HUMAN_AGENT, List.of())).block();

        StepVerifier.create(streams.listen("s").map(WebChatEvent::from))
                .expectNext(WebChatEvent.CASEWORKER)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aMessageForASessionThatIsGoneFailsAndIsRecordedWithoutItsConversation() {
        OutboundMessage message = message("gone", Purpose.RESPONSE, List.of());

        SendOutcome outcome = client.send(message).block();

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.kind()).contains(SendError.Kind.PERMANENT);
        FailedSend recorded = failures.recent().blockLast();
        assertThat(recorded.messageId()).isEqualTo(message.messageId());
        assertThat(recorded.conversationId()).isNull();
        assertThat(recorded.code()).isEqualTo(410);
    }

    private static OutboundMessage message(String session, Purpose purpose, List<QuickReplyOption> options) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conv-" + session,
                ReplyAddress.of(Channel.WEBCHAT, session), purpose, false, "Xin chào", options);
    }
}
