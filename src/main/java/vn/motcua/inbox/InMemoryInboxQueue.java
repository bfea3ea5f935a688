package vn.motcua.inbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.motcua.message.InboundEvent;

/**
 * The inbox in process memory: the default, so one command runs the whole service. It keeps the at-least-once
 * contract within a process (unacknowledged deliveries are tracked and released ones come back) but not across a
 * restart; the Redis adapter gives durability.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryInboxQueue implements InboxQueue {

    // Multicast without auto-cancel, so the worker can subscribe again after a stop and start (Spring pauses and
    // restarts an idle context's lifecycle); what is emitted while nobody listens waits in the buffer.
    private final Sinks.Many<InboxDelivery> sink = Sinks.many().multicast().onBackpressureBuffer(1 << 16, false);
    private final Map<String, InboxDelivery> pending = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> enqueue(InboundEvent event) {
        return Mono.fromRunnable(() -> emit(new InboxDelivery(UUID.randomUUID().toString(), event, 1)));
    }

    @Override
    public Flux<InboxDelivery> deliveries() {
        return sink.asFlux().doOnNext(delivery -> pending.put(delivery.deliveryId(), delivery));
    }

    @Override
    public Mono<Void> acknowledge(InboxDelivery delivery) {
        return Mono.fromRunnable(() -> pending.remove(delivery.deliveryId()));
    }

    @Override
    public Mono<Void> release(InboxDelivery delivery) {
        return Mono.fromRunnable(() -> {
            pending.remove(delivery.deliveryId());
            emit(new InboxDelivery(delivery.deliveryId(), delivery.event(), delivery.attempt() + 1));
        });
    }

    @Override
    public int pending() {
        return pending.size();
    }

    private synchronized void emit(InboxDelivery delivery) {
        // Webhook requests enqueue from many threads at once; the sink needs them one at a time.
        sink.emitNext(delivery, Sinks.EmitFailureHandler.FAIL_FAST);
    }
}
