package vn.motcua.outbox;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.fairness.FairScheduler;
import vn.motcua.redis.StoreAway;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;

/**
 * Delivers what the outbox holds: each channel has its own {@link FairScheduler}, keyed by conversation, so one
 * person's messages go in order, a crisis answer goes before anything else waiting, and a slow or failing platform
 * for one person (a send can take tens of seconds with retries) never delays anyone else. Every outcome is reported
 * to the transcript before the entry is acknowledged.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Senders senders;
    private final DeliveryReport report;
    private final MeterRegistry meters;
    private final Map<Channel, FairScheduler<OutboxEntry>> schedulers = new EnumMap<>(Channel.class);
    private volatile Disposable subscription;

    OutboxWorker(Outbox outbox, Senders senders, DeliveryReport report, OutboxProperties properties,
                 MeterRegistry meters) {
        this.outbox = outbox;
        this.senders = senders;
        this.report = report;
        this.meters = meters;
        for (Channel channel : Channel.values()) {
            // Messages are never dropped for a long backlog: they are answers someone is waiting for.
            FairScheduler<OutboxEntry> scheduler = new FairScheduler<>(properties.concurrency(), Integer.MAX_VALUE,
                    this::deliver, entry -> { }, Schedulers.parallel());
            schedulers.put(channel, scheduler);
            meters.gauge("motcua.outbox.waiting", List.of(Tag.of("channel", channel.id())), scheduler,
                    FairScheduler::queued);
        }
        meters.gauge("motcua.outbox.pending", outbox, Outbox::pending);
    }

    @Override
    public void start() {
        schedulers.values().forEach(FairScheduler::resume);
        subscription = outbox.entries().subscribe(entry -> schedulers.get(entry.message().to().channel())
                        .submit(entry.message().conversationId(), entry, entry.message().urgent()),
                e -> log.error("The outbox worker stopped unexpectedly", e));
    }

    /**
     * Checks, sends, acknowledges, reports. While the store is away (Redis down) the check and the acknowledgement are
     * tried again until it is back: the entry stays this instance's, and is neither lost nor sent twice. The
     * acknowledgement (which records the message as sent) comes straight after the platform's answer, before the
     * transcript is written, so that an instance dying in between leaves the shortest window in which a reply the
     * platform took is sent again by the instance that takes the entry over; a lost report costs only a delivery
     * mark in the transcript.
     */
    private Mono<Void> deliver(OutboxEntry entry) {
        return outbox.stillWanted(entry).retryWhen(StoreAway.untilBack()).flatMap(wanted -> {
            if (!wanted) {
                meters.counter("motcua.outbox.skipped").increment();
                return outbox.acknowledge(entry).retryWhen(StoreAway.untilBack());
            }
            OutboundMessage message = entry.message();
            return send(message)
                    .flatMap(outcome -> outbox.acknowledge(entry).retryWhen(StoreAway.untilBack())
                            .then(report.report(message, outcome))
                            .onErrorResume(e -> {
                                log.warn("A delivery outcome could not be written to the transcript ({})",
                                        e.getClass().getSimpleName());
                                return Mono.empty();
                            })
                            .then(Mono.fromRunnable(() -> meters.counter("motcua.outbox.sent", "channel",
                                    message.to().channel().id(), "delivered",
                                    Boolean.toString(outcome.delivered())).increment())));
        });
    }

    private Mono<SendOutcome> send(OutboundMessage message) {
        Channel channel = message.to().channel();
        Sender sender = senders.forChannel(channel).orElse(null);
        if (sender == null) {
            return Mono.just(SendOutcome.failed(FailedSend.of(channel, message.conversationId(), message.messageId(),
                    new SendError(SendError.Kind.PERMANENT, 0, 0, 0, channel.id() + " is not switched on"), 0,
                    Instant.now())));
        }
        // The sender decides about the typing indicator (never before a crisis answer); it never errors, but a bug
        // in it must not stop this person's line.
        return Mono.defer(() -> sender.send(message))
                .onErrorResume(e -> Mono.just(SendOutcome.failed(FailedSend.of(channel, message.conversationId(),
                        message.messageId(), SendError.unexpected(e), 1, Instant.now()))));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        schedulers.values().forEach(FairScheduler::stop);
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
