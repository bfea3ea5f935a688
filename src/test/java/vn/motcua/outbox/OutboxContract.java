package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.ReplyAddress;

/** What every {@link Outbox} adapter must do. Each test uses its own conversation ids. */
public abstract class OutboxContract {

    protected abstract Outbox newOutbox();

    private final Outbox outbox = newOutbox();

    static OutboundMessage message(String conversationId, String text) {
        return OutboundMessage.response(conversationId, ReplyAddress.of(Channel.MESSENGER, "psid-" + conversationId), text,
                List.of());
    }

    @Test
    void entriesComeOutInTheOrderTheyWereEnqueued() {
        String conversation = UUID.randomUUID().toString();
        List<OutboundMessage> messages = List.of(message(conversation, "một"), message(conversation, "hai"),
                message(conversation, "ba"));

        StepVerifier.create(outbox.entries().map(e -> e.message().text()).take(3))
                .then(() -> outbox.enqueue(messages).block())
                .expectNext("một", "hai", "ba")
                .verifyComplete();
        assertThat(outbox.pending()).isEqualTo(3);
    }

    @Test
    void anAcknowledgedEntryIsNoLongerPendingAndItsMessageCountsAsSent() {
        String conversation = UUID.randomUUID().toString();
        OutboundMessage message = message(conversation, "xin chào");
        OutboxEntry entry = outbox.entries().next()
                .doOnSubscribe(s -> outbox.enqueue(List.of(message)).subscribe())
                .block(Duration.ofSeconds(5));
        assertThat(outbox.stillWanted(entry).block()).isTrue();

        outbox.acknowledge(entry).block();

        assertThat(outbox.pending()).isZero();
        // Taken over after a crash, the same message must not be sent twice.
        assertThat(outbox.stillWanted(new OutboxEntry(message, entry.sequence() + 1000)).block()).isFalse();
    }

    @Test
    void aDiscardStopsWhatWasWaitingForThatPersonButNotWhatComesAfterOrForOthers() {
        String erased = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<OutboxEntry> entries = outbox.entries().take(3)
                .doOnSubscribe(s -> {
                    outbox.enqueue(List.of(message(erased, "trước"), message(other, "người khác"))).block();
                    outbox.discard(erased).block();
                    outbox.enqueue(List.of(message(erased, "sau khi xóa"))).block();
                })
                .collectList().block(Duration.ofSeconds(5));

        assertThat(entries).extracting(e -> e.message().text()).containsExactly("trước", "người khác", "sau khi xóa");
        assertThat(entries).extracting(e -> outbox.stillWanted(e).block()).containsExactly(false, true, true);
    }
}
