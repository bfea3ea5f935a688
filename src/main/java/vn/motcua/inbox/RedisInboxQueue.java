package vn.motcua.inbox;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.message.ReplyAddress;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisStoreProperties;
import vn.motcua.redis.RedisStreamQueue;

/**
 * The inbox on a Redis Stream ({@code <prefix>inbox}, group {@code workers}): durable across restarts and shared by
 * every instance. Each entry holds the event sealed with {@link TextSealer} (it holds what the person wrote and where
 * to answer them) and, in clear, only the pseudonymous conversation id its line is kept by. An entry is acknowledged
 * (XACK + XDEL) once its turn is handled; one left by an instance that died is taken over (see
 * {@link RedisStreamQueue}).
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisInboxQueue implements InboxQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisStreamQueue queue;
    private final TextSealer sealer;
    private final PseudonymousIds ids;

    @Autowired
    RedisInboxQueue(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                    InboxProperties inbox, TextSealer sealer, PseudonymousIds ids) {
        // A line only orders entries still waiting; it outlives them by far if it lasts as long as a redelivery may.
        this(new RedisStreamQueue(redis, keys, properties, "inbox", max(inbox.dedupeWindow(), Duration.ofHours(1))),
                sealer, ids);
    }

    RedisInboxQueue(RedisStreamQueue queue, TextSealer sealer, PseudonymousIds ids) {
        this.queue = queue;
        this.sealer = sealer;
        this.ids = ids;
    }

    RedisStreamQueue stream() {
        return queue;
    }

    @Override
    public Mono<Void> enqueue(InboundEvent event) {
        return Mono.fromCallable(() -> sealer.seal(encode(event)))
                .flatMap(payload -> queue.append(line(event), payload))
                .then();
    }

    @Override
    public Flux<InboxDelivery> deliveries() {
        return queue.entries().map(entry -> new InboxDelivery(entry.id(), decode(sealer.open(entry.payload())),
                entry.attempt()));
    }

    @Override
    public Mono<Void> acknowledge(InboxDelivery delivery) {
        return queue.acknowledge(entry(delivery));
    }

    @Override
    public Mono<Void> release(InboxDelivery delivery) {
        return Mono.fromCallable(() -> new RedisStreamQueue.Entry(delivery.deliveryId(), line(delivery.event()),
                sealer.seal(encode(delivery.event())), delivery.attempt())).flatMap(queue::redeliver);
    }

    @Override
    public int pending() {
        return queue.pending();
    }

    private RedisStreamQueue.Entry entry(InboxDelivery delivery) {
        return new RedisStreamQueue.Entry(delivery.deliveryId(), line(delivery.event()), "", delivery.attempt());
    }

    /** The person's line: their pseudonymous conversation id, as the turn computes it. */
    private String line(InboundEvent event) {
        return ids.conversationId(event.channel().id(), event.from().userId());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String encode(InboundEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId());
        json.put("channel", event.channel().id());
        json.put("userId", event.from().userId());
        json.put("userRef", event.from().userRef());
        json.put("sentAt", event.sentAt() == null ? null : event.sentAt().toString());
        json.put("observed", event.observed());
        json.put("urgent", event.urgent());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", event.content().getClass().getSimpleName());
        try {
            for (RecordComponent component : event.content().getClass().getRecordComponents()) {
                content.put(component.getName(), component.getAccessor().invoke(event.content()));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("An inbound content record could not be read", e);
        }
        json.put("content", content);
        return JSON.writeValueAsString(json);
    }

    static InboundEvent decode(String text) {
        JsonNode json = JSON.readTree(text);
        ReplyAddress from = new ReplyAddress(Channel.fromId(json.get("channel").asString()), json.get("userId").asString(),
                json.get("userRef").asBoolean());
        JsonNode sentAt = json.get("sentAt");
        return new InboundEvent(json.get("eventId").asString(), from,
                sentAt == null || sentAt.isNull() ? null : Instant.parse(sentAt.asString()), content(json.get("content")),
                json.get("observed").asBoolean(), json.get("urgent").asBoolean());
    }

    private static InboundContent content(JsonNode json) {
        String type = json.get("type").asString();
        for (Class<?> kind : InboundContent.class.getPermittedSubclasses()) {
            if (!kind.getSimpleName().equals(type)) {
                continue;
            }
            RecordComponent[] components = kind.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                JsonNode value = json.get(components[i].getName());
                values[i] = value(types[i], value);
            }
            try {
                Constructor<?> constructor = kind.getDeclaredConstructor(types);
                return (InboundContent) constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("An inbound content record could not be made", e);
            }
        }
        throw new IllegalStateException("Unknown inbound content type in the inbox stream: " + type);
    }

    private static Object value(Class<?> type, JsonNode value) {
        if (type == boolean.class) {
            return value != null && value.asBoolean();
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (type == List.class) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return items;
        }
        return value.asString();
    }
}
