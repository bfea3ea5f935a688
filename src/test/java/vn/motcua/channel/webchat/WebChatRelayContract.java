package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

/** What every {@link WebChatRelay} adapter must do: hold messages for the page, bounded, and end when closed. */
abstract class WebChatRelayContract {

    static final Duration WAIT = Duration.ofSeconds(10);

    abstract WebChatRelay newRelay();

    static WebChatProperties properties() {
        return new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10), Duration.ofMinutes(30), 0, null, 0, null, 0, null);
    }

    static WebChatEvent bot(String text) {
        return new WebChatEvent(WebChatEvent.BOT, text, List.of());
    }

    @Test
    void messagesWaitForTheBrowserAcrossReconnectionsAndTheWaitIsBounded() {
        WebChatRelay relay = newRelay();
        relay.keep("s").block(WAIT);
        assertThat(relay.publish("s", bot("first")).block(WAIT)).isTrue();

        StepVerifier.create(relay.listen("s").map(WebChatEvent::text))
                .expectNext("first")
                .then(() -> relay.publish("s", bot("second")).block(WAIT))
                .expectNext("second")
                .thenCancel()
                .verify(WAIT);

        // The browser is reconnecting: what is written meanwhile is kept for it.
        assertThat(relay.publish("s", bot("third")).block(WAIT)).isTrue();
        StepVerifier.create(relay.listen("s").map(WebChatEvent::text))
                .expectNext("third")
                .thenCancel()
                .verify(WAIT);

        for (int i = 0; i < WebChatRelay.BUFFER; i++) {
            assertThat(relay.publish("s", bot("unread " + i)).block(WAIT)).isTrue();
        }
        assertThat(relay.publish("s", bot("one too many")).block(WAIT)).isFalse();
    }

    @Test
    void aClosedStreamEndsItsListenerAfterTheLastAnswerAndRefusesMessages() {
        WebChatRelay relay = newRelay();
        assertThat(relay.publish("never-opened", bot("x")).block(WAIT)).isFalse();
        relay.keep("s").block(WAIT);
        assertThat(relay.holds("s").block(WAIT)).isTrue();
        assertThat(relay.publish("s", bot("waiting")).block(WAIT)).isTrue();

        StepVerifier.create(relay.listen("s").map(WebChatEvent::text))
                .expectNext("waiting")
                // Erased from inside the chat: the last answer, then the stream closes at once.
                .then(() -> relay.publish("s", bot("erased")).then(relay.close("s")).block(WAIT))
                .expectNext("erased")
                .expectComplete()
                .verify(WAIT);
        assertThat(relay.publish("s", bot("after")).block(WAIT)).isFalse();
        assertThat(relay.holds("s").block(WAIT)).isFalse();
    }
}
