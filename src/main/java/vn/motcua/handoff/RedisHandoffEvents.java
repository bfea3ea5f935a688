package vn.motcua.handoff;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import vn.motcua.message.Priority;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * Events across instances, on Redis pub/sub: {@link #publish} sends to one channel, and every instance holds one
 * subscription to it (its own connection) and hands what arrives to its consoles. An event published here comes
 * back through Redis too, so a console hears each event once, wherever it was published. The payload holds ids
 * only and is sealed all the same. Like the in-memory adapter, a console that cannot keep up misses events rather
 * than slowing anyone down; when the subscription is lost it is made again, and a console re-reads the queue when
 * it reconnects.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisHandoffEvents implements HandoffEvents, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisHandoffEvents.class);

    /** An event as it travels: the fields of every kind, those a kind does not have null. */
    record Wire(String type, String conversationId, String turnId, Priority priority, String reason, Instant at) {

        static Wire of(HandoffEvent event) {
            if (event instanceof HandoffEvent.QueueChanged q) {
                return new Wire("queue", q.conversationId(), null, null, null, null);
            }
            if (event instanceof HandoffEvent.MessageChanged m) {
                return new Wire("message", m.conversationId(), m.turnId(), null, null, null);
            }
            HandoffEvent.Alert a = (HandoffEvent.Alert) event;
            return new Wire("alert", a.conversationId(), null, a.priority(), a.reason(), a.at());
        }

        HandoffEvent event() {
            return switch (type) {
                case "queue" -> new HandoffEvent.QueueChanged(conversationId);
                case "message" -> new HandoffEvent.MessageChanged(conversationId, turnId);
                case "alert" -> new HandoffEvent.Alert(conversationId, priority, reason, at);
                default -> throw new IllegalArgumentException("unknown event type " + type);
            };
        }
    }

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisConnectionFactory connections;
    private final String channel;
    private final SealedJson sealed;
    private final Sinks.Many<HandoffEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Sinks.Empty<Void> subscribed = Sinks.empty();
    private volatile ReactiveRedisMessageListenerContainer container;
    private volatile Disposable subscription;

    RedisHandoffEvents(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, RedisKeys keys,
                       TextSealer sealer) {
        this.redis = redis;
        this.connections = connections;
        this.channel = keys.key("handoff", "events");
        this.sealed = new SealedJson(sealer);
    }

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return redis.convertAndSend(channel, sealed.seal(Wire.of(event))).then();
    }

    @Override
    public Flux<HandoffEvent> listen() {
        return sink.asFlux();
    }

    /** Completes once this instance's subscription is in place (events published before it are not heard here). */
    Mono<Void> subscribed() {
        return subscribed.asMono();
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        subscription = Mono.fromCallable(this::container)
                .flatMap(c -> c.receiveLater(new ChannelTopic(channel)))
                .doOnNext(ready -> subscribed.tryEmitEmpty())
                .flatMapMany(messages -> messages)
                // Lettuce subscribes again by itself after a reconnection; this covers a subscription that failed.
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Live events: subscribing to Redis failed, trying again: {}",
                                s.failure().toString())))
                .repeatWhen(done -> done.delayElements(Duration.ofSeconds(1)))
                .subscribe(message -> deliver(message.getMessage()));
    }

    private void deliver(String payload) {
        HandoffEvent event;
        try {
            event = sealed.open(payload, Wire.class).event();
        } catch (RuntimeException e) {
            // Another deployment on the same channel, or another secret: not ours to show. Never log the payload.
            log.warn("Live events: a message on the channel could not be read ({})", e.getClass().getSimpleName());
            return;
        }
        synchronized (sink) {
            sink.tryEmitNext(event);
        }
    }

    private synchronized ReactiveRedisMessageListenerContainer container() {
        if (container == null) {
            container = new ReactiveRedisMessageListenerContainer(connections);
        }
        return container;
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        if (container != null) {
            container.destroyLater().subscribe(null, e -> log.debug("Live events: closing failed: {}", e.toString()));
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
