package vn.motcua.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.message.Priority;

/**
 * Watches the waiting conversations. One past its alert time (5 min CRITICAL, 15 min otherwise, configurable) alerts
 * the consoles again, and again each time as long again passes, and rises in the list ({@link QueueOrder}). It is
 * never handed back to the bot because nobody answered: only a caseworker moves it. Also keeps the gauge of waiting
 * conversations by priority.
 */
@Component
public class WaitingWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WaitingWatch.class);

    private final HandoffQueue queue;
    private final HandoffEvents events;
    private final ConversationLock lock;
    private final HandoffProperties properties;
    private final Clock clock;
    private final Counter realerts;
    private final Map<Priority, AtomicInteger> waiting = new EnumMap<>(Priority.class);
    private volatile Disposable schedule;

    public WaitingWatch(HandoffQueue queue, HandoffEvents events, ConversationLock lock, HandoffProperties properties,
                        Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.events = events;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
        this.realerts = Counter.builder("motcua.handoff.realerts")
                .description("Alerts that a conversation has waited too long for a caseworker").register(meters);
        for (Priority priority : Priority.values()) {
            AtomicInteger count = new AtomicInteger();
            waiting.put(priority, count);
            Gauge.builder("motcua.handoff.waiting", count, AtomicInteger::get)
                    .description("Conversations waiting for a caseworker").tag("priority", priority.name())
                    .register(meters);
        }
    }

    /** One look at the queue: counts, and alerts for those waiting too long since they started or were last alerted. */
    public Mono<Void> check() {
        Instant now = clock.instant();
        return queue.waiting().flatMap(list -> {
            count(list);
            return Flux.fromIterable(list).filter(e -> due(e, now))
                    .concatMap(e -> lock.withLock(e.conversationId(), () -> queue.find(e.conversationId())
                                    .filter(current -> due(current, now))
                                    .flatMap(current -> queue.markAlerted(current.conversationId(), now)
                                            .thenReturn(current)))
                            .flatMap(current -> {
                                realerts.increment();
                                return events.publish(new HandoffEvent.Alert(current.conversationId(),
                                                current.priority(), HandoffEvent.Alert.OVERDUE, now))
                                        .then(events.publish(new HandoffEvent.QueueChanged(current.conversationId())));
                            }))
                    .then();
        });
    }

    private boolean due(Escalation e, Instant now) {
        Instant from = e.alertedAt() != null ? e.alertedAt() : e.since();
        return !from.plus(properties.alertAfter(e.priority())).isAfter(now);
    }

    private void count(List<Escalation> list) {
        for (Priority priority : Priority.values()) {
            waiting.get(priority).set((int) list.stream().filter(e -> e.priority() == priority).count());
        }
    }

    @Override
    public void start() {
        schedule = Flux.interval(properties.checkInterval(), properties.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> check().onErrorResume(e -> {
                    log.error("Checking the waiting conversations failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
