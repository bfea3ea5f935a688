package vn.motcua.handoff;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

/** What every {@link HandoffEvents} adapter must do: every listener hears what is published after it listens. */
abstract class HandoffEventsContract {

    abstract HandoffEvents newEvents();

    @Test
    void everyListenerHearsEveryEventPublishedWhileListening() {
        HandoffEvents events = newEvents();
        HandoffEvent first = new HandoffEvent.QueueChanged("c1");
        HandoffEvent second = new HandoffEvent.MessageChanged("c1", "t1");

        StepVerifier.create(events.listen().take(2))
                .then(() -> events.publish(first).then(events.publish(second)).block())
                .expectNext(first, second)
                .verifyComplete();

        StepVerifier.create(events.listen().take(1))
                .then(() -> events.publish(second).block())
                .expectNext(second)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void publishingWithNobodyListeningIsFine() {
        StepVerifier.create(newEvents().publish(new HandoffEvent.QueueChanged("c"))).verifyComplete();
    }
}
