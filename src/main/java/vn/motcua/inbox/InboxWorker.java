package vn.motcua.inbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.fairness.FairScheduler;
import vn.motcua.redis.StoreAway;

/**
 * Takes deliveries from the queue and runs the bot's turns through a {@link FairScheduler}: one person's events one
 * at a time in queue order, different people in parallel, each person in turn, crises first. A delivery is
 * acknowledged only after its turn is handled. Ordering here is a courtesy to the person; correctness between
 * writers rests on the conversation lock the turn takes.
 */
@Component
class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final InboxQueue queue;
    private final InboundEventHandler handler;
    private final InboxProperties properties;
    private final MeterRegistry meters;
    private final FairScheduler<InboxDelivery> scheduler;
    private volatile Disposable subscription;
    private static final long DROP_LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final AtomicLong lastDropLog =
            new AtomicLong(System.nanoTime() - DROP_LOG_EVERY_NANOS);

    InboxWorker(InboxQueue queue, InboundEventHandler handler, InboxProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.handler = handler;
        this.properties = properties;
        this.meters = meters;
        this.scheduler = new FairScheduler<>(properties.concurrency(), properties.maxBacklog(), this::process,
                this::dropped, Schedulers.parallel());
        meters.gauge("motcua.inbox.pending", queue, InboxQueue::pending);
        meters.gauge("motcua.inbox.waiting", scheduler, FairScheduler::queued);
    }

    @Override
    public void start() {
        scheduler.resume();
        subscription = queue.deliveries()
                .subscribe(delivery -> scheduler.submit(delivery.event().personKey(), delivery, delivery.event().urgent()),
                        e -> log.error("The inbox worker stopped unexpectedly", e));
    }

    /**
     * The turn, then the acknowledgement. While the store is away (Redis down) both are tried again until it is back,
     * not counted as attempts: a turn is safe to run again (it recognises its own event and reply ids), and giving
     * up would set a message aside for an outage that is nobody's fault.
     */
    private Mono<Void> process(InboxDelivery delivery) {
        return handler.handle(delivery.event())
                .retryWhen(StoreAway.untilBack())
                .then(queue.acknowledge(delivery).retryWhen(StoreAway.untilBack()))
                .onErrorResume(e -> failed(delivery, e));
    }

    /**
     * One person's backlog overflowed: their oldest ordinary message is let go, counted, never a crisis. A flood drops
     * thousands; the log says so at most once a minute, with the count since, so it cannot be flooded in turn.
     */
    private void dropped(InboxDelivery delivery) {
        meters.counter("motcua.inbox.dropped", "channel", delivery.event().channel().id()).increment();
        long since = droppedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_EVERY_NANOS && lastDropLog.compareAndSet(last, now)) {
            droppedSinceLog.addAndGet(-since);
            log.warn("{} ordinary message(s) dropped because one person's backlog passed {} (motcua.inbox.dropped)",
                    since, properties.maxBacklog());
        }
        queue.acknowledge(delivery).subscribe();
    }

    private Mono<Void> failed(InboxDelivery delivery, Throwable e) {
        if (delivery.attempt() < properties.maxAttempts()) {
            log.warn("A turn failed on attempt {} ({}); the event will be delivered again", delivery.attempt(),
                    e.getClass().getSimpleName(), e);
            // Handing it back needs the store too: while it is away, keep trying, or the entry would stay pending on
            // this live instance and nobody would ever take it over.
            return queue.release(delivery).retryWhen(StoreAway.untilBack());
        }
        meters.counter("motcua.inbox.dead").increment();
        log.error("A turn failed {} times ({}); the event was set aside", delivery.attempt(),
                e.getClass().getSimpleName(), e);
        return queue.acknowledge(delivery).retryWhen(StoreAway.untilBack());
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        scheduler.stop();
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
