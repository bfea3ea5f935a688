package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.message.ReplyAddress;

/** What every {@link InboxQueue} adapter must do: in order, at least once, gone only when acknowledged. */
abstract class InboxQueueContract {

    /** A new, empty queue. */
    abstract InboxQueue newQueue();

    static InboundEvent event(String text) {
        return new InboundEvent("test:" + UUID.randomUUID(), ReplyAddress.of(Channel.MESSENGER, "person"),
                Instant.now(), new InboundContent.Text(text), false);
    }

    @Test
    void eventsAreDeliveredInTheOrderEnqueued() {
        InboxQueue queue = newQueue();
        queue.enqueue(event("một")).block();
        queue.enqueue(event("hai")).block();
        queue.enqueue(event("ba")).block();

        StepVerifier.create(queue.deliveries().map(d -> ((InboundContent.Text) d.event().content()).text()).take(3))
                .expectNext("một", "hai", "ba")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aDeliveryStaysPendingUntilAcknowledged() {
        InboxQueue queue = newQueue();
        queue.enqueue(event("một")).block();
        InboxDelivery delivery = queue.deliveries().blockFirst(Duration.ofSeconds(5));
        assertThat(queue.pending()).isEqualTo(1);
        queue.acknowledge(delivery).block();
        assertThat(queue.pending()).isZero();
    }

    @Test
    void aReleasedDeliveryComesBackWithTheNextAttemptNumber() {
        InboxQueue queue = newQueue();
        InboundEvent event = event("một");
        queue.enqueue(event).block();

        StepVerifier.create(queue.deliveries().take(2))
                .assertNext(first -> {
                    assertThat(first.attempt()).isEqualTo(1);
                    queue.release(first).block();
                })
                .assertNext(again -> {
                    assertThat(again.event()).isEqualTo(event);
                    assertThat(again.attempt()).isEqualTo(2);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }
}
