package vn.motcua.inbox;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.message.InboundEvent;
import vn.motcua.privacy.PseudonymousIds;

/**
 * The front door of the bot: drops redeliveries, marks crises so they are taken first, then queues each new event.
 * Fast enough for the webhook path: a keyed hash, a lexicon look-up and an append.
 */
@Component
public class Inbox {

    private final DedupeStore dedupe;
    private final InboxQueue queue;
    private final PseudonymousIds ids;
    private final UrgencyCheck urgency;
    private final MeterRegistry meters;

    public Inbox(DedupeStore dedupe, InboxQueue queue, PseudonymousIds ids, UrgencyCheck urgency, MeterRegistry meters) {
        this.dedupe = dedupe;
        this.queue = queue;
        this.ids = ids;
        this.urgency = urgency;
        this.meters = meters;
    }

    /** Accepts the events of one delivery, in order. Completes when every new one is queued. */
    public Mono<Void> accept(List<InboundEvent> events) {
        return Flux.fromIterable(events).concatMap(this::acceptOne).then();
    }

    private Mono<Void> acceptOne(InboundEvent event) {
        // Keyed hash: some fallback keys contain a platform user id, which must not be stored as received.
        String key = ids.hash(event.eventId());
        return dedupe.seen(key).flatMap(seen -> {
            if (seen) {
                meters.counter("motcua.inbox.duplicates", "channel", event.channel().id()).increment();
                return Mono.empty();
            }
            boolean urgent = urgency.isUrgent(event.content());
            meters.counter("motcua.inbox.accepted", "channel", event.channel().id(), "urgent", Boolean.toString(urgent))
                    .increment();
            // Marked only once the event is held, so that an instance killed between the two leaves no mark and the
            // platform's retry is accepted rather than taken for a duplicate of an event that was never queued. A
            // copy queued twice (a retry, or two deliveries at once, before the mark) reaches the same turn id and is
            // only acknowledged (TurnHandler). A failed mark after the event is held does not refuse the delivery.
            return queue.enqueue(urgent ? event.markedUrgent() : event)
                    .then(dedupe.firstSighting(key).onErrorResume(e -> Mono.just(false)).then());
        });
    }
}
