package vn.motcua.inbox;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.message.InboundEvent;

/**
 * The durable queue between the webhooks and the bot. At-least-once: an event is delivered until a worker
 * acknowledges it after its turn is handled, so a crash in between loses nothing.
 */
public interface InboxQueue {

    /** Adds an event; when the Mono completes the event is held by the queue. */
    Mono<Void> enqueue(InboundEvent event);

    /** The deliveries, in the order enqueued. One subscriber (the worker) per process. */
    Flux<InboxDelivery> deliveries();

    /** The turn for this delivery is handled: remove it for good. */
    Mono<Void> acknowledge(InboxDelivery delivery);

    /** The turn failed: deliver the event again later. */
    Mono<Void> release(InboxDelivery delivery);

    /** Deliveries handed out but not yet acknowledged. */
    int pending();
}
