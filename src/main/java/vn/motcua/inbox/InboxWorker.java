package vn.motcua.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.message.InboundEvent;

/**
 * Takes deliveries from the queue and runs the bot's turns: one conversation's events one at a time in queue order
 * (each person always maps to the same lane), different people in parallel across lanes. A delivery is acknowledged
 * only after its turn is handled.
 */
@Component
class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final InboxQueue queue;
    private final InboundEventHandler handler;
    private final InboxProperties properties;
    private final MeterRegistry meters;
    private volatile Disposable subscription;

    InboxWorker(InboxQueue queue, InboundEventHandler handler, InboxProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.handler = handler;
        this.properties = properties;
        this.meters = meters;
        meters.gauge("motcua.inbox.pending", queue, InboxQueue::pending);
    }

    @Override
    public void start() {
        int lanes = properties.lanes();
        subscription = queue.deliveries()
                .groupBy(delivery -> lane(delivery.event(), lanes))
                .flatMap(lane -> lane.publishOn(Schedulers.parallel()).concatMap(this::process), lanes)
                .subscribe(null, e -> log.error("The inbox worker stopped unexpectedly", e));
    }

    private Mono<Void> process(InboxDelivery delivery) {
        return handler.handle(delivery.event())
                .then(queue.acknowledge(delivery))
                .onErrorResume(e -> failed(delivery, e));
    }

    private Mono<Void> failed(InboxDelivery delivery, Throwable e) {
        if (delivery.attempt() < properties.maxAttempts()) {
            log.warn("A turn failed on attempt {} ({}); the event will be delivered again", delivery.attempt(),
                    e.getClass().getSimpleName(), e);
            return queue.release(delivery);
        }
        meters.counter("motcua.inbox.dead").increment();
        log.error("A turn failed {} times ({}); the event was set aside", delivery.attempt(),
                e.getClass().getSimpleName(), e);
        return queue.acknowledge(delivery);
    }

    private static int lane(InboundEvent event, int lanes) {
        return Math.floorMod((event.channel().id() + ":" + event.from().userId()).hashCode(), lanes);
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
