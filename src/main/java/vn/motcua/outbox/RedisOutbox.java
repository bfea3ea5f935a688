package vn.motcua.outbox;

import java.time.Duration;
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
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisStoreProperties;
import vn.motcua.redis.RedisStreamQueue;

/**
 * The outbox on a Redis Stream ({@code <prefix>outbox}, group {@code workers}), shared by every instance. An entry
 * holds the message sealed with {@link TextSealer} (text and reply address) and, in clear, only its pseudonymous
 * conversation id, which keeps one person's messages in order across instances. Acknowledged after the platform's
 * answer; the message id is then remembered as sent ({@code outbox:sent:{conv:<id>}}), so an entry taken over after a
 * crash, or the same reply decided again by a re-run turn (the same ids), is not sent twice. An erasure removes
 * those marks with the person and makes everything enqueued before it unwanted.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisOutbox implements Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Sent marks and discard marks only judge entries still waiting; a day is far longer than any entry waits. */
    static final Duration MARK_TTL = Duration.ofHours(24);

    private final RedisStreamQueue queue;
    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TextSealer sealer;

    @Autowired
    RedisOutbox(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties, TextSealer sealer) {
        this(new RedisStreamQueue(redis, keys, properties, "outbox", MARK_TTL), redis, keys, sealer);
    }

    RedisOutbox(RedisStreamQueue queue, ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer) {
        this.queue = queue;
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
    }

    RedisStreamQueue stream() {
        return queue;
    }

    @Override
    public Mono<Void> enqueue(List<OutboundMessage> messages) {
        // One after the other, so that one person's messages get increasing ids in their order.
        return Flux.fromIterable(messages)
                .concatMap(message -> Mono.fromCallable(() -> sealer.seal(encode(message)))
                        .flatMap(payload -> queue.append(message.conversationId(), payload)))
                .then();
    }

    @Override
    public Flux<OutboxEntry> entries() {
        return queue.entries().map(entry -> new OutboxEntry(decode(sealer.open(entry.payload())),
                RedisStreamQueue.sequence(entry.id())));
    }

    @Override
    public Mono<Void> acknowledge(OutboxEntry entry) {
        String sent = sentKey(entry.message().conversationId());
        return redis.opsForSet().add(sent, entry.message().messageId())
                .then(redis.expire(sent, MARK_TTL))
                .then(queue.acknowledge(new RedisStreamQueue.Entry(RedisStreamQueue.id(entry.sequence()),
                        entry.message().conversationId(), "", 1)));
    }

    @Override
    public Mono<Void> discard(String conversationId) {
        // Every entry appended after this point gets a greater id than the newest one now.
        return queue.lastId()
                .flatMap(last -> redis.opsForValue().set(discardedKey(conversationId), last, MARK_TTL))
                .then(redis.delete(sentKey(conversationId)))
                .then();
    }

    @Override
    public Mono<Boolean> stillWanted(OutboxEntry entry) {
        String conversationId = entry.message().conversationId();
        Mono<Boolean> discarded = redis.opsForValue().get(discardedKey(conversationId))
                .map(upTo -> RedisStreamQueue.sequence(upTo) >= entry.sequence())
                .defaultIfEmpty(false);
        Mono<Boolean> sent = redis.opsForSet().isMember(sentKey(conversationId), entry.message().messageId());
        return discarded.zipWith(sent, (wasDiscarded, wasSent) -> !wasDiscarded && !wasSent);
    }

    @Override
    public int pending() {
        return queue.pending();
    }

    String sentKey(String conversationId) {
        return keys.conversation("outbox:sent", conversationId);
    }

    String discardedKey(String conversationId) {
        return keys.conversation("outbox:discarded", conversationId);
    }

    static String encode(OutboundMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageId", message.messageId());
        json.put("conversationId", message.conversationId());
        json.put("channel", message.to().channel().id());
        json.put("userId", message.to().userId());
        json.put("userRef", message.to().userRef());
        json.put("purpose", message.purpose().name());
        json.put("urgent", message.urgent());
        json.put("text", message.text());
        List<Map<String, String>> options = new ArrayList<>();
        for (QuickReplyOption option : message.quickReplies()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("title", option.title());
            one.put("payload", option.payload());
            options.add(one);
        }
        json.put("quickReplies", options);
        json.put("endsConversation", message.endsConversation());
        json.put("firstOfTurn", message.firstOfTurn());
        return JSON.writeValueAsString(json);
    }

    static OutboundMessage decode(String text) {
        JsonNode json = JSON.readTree(text);
        List<QuickReplyOption> options = new ArrayList<>();
        json.get("quickReplies").forEach(option -> options.add(new QuickReplyOption(string(option.get("title")),
                string(option.get("payload")))));
        ReplyAddress to = new ReplyAddress(Channel.fromId(json.get("channel").asString()), json.get("userId").asString(),
                json.get("userRef").asBoolean());
        return new OutboundMessage(json.get("messageId").asString(), string(json.get("conversationId")), to,
                Purpose.valueOf(json.get("purpose").asString()), json.get("urgent").asBoolean(), string(json.get("text")),
                options, json.get("endsConversation").asBoolean(), json.get("firstOfTurn").asBoolean());
    }

    private static String string(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
