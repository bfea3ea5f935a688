package vn.motcua.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.redis.RedisKeys;

/**
 * Failed sends in two Redis lists, each entry {@code <epoch ms>|<conversation id or ->|<JSON>}: the latest
 * {@value #CAPACITY} of all ({@code failed-sends}) and the latest of each conversation
 * ({@code failed-sends:{conv:<id>}}). Both are trimmed to that length, drop entries older than the retention period
 * on every write, skip them on every read, and expire a retention period after their last write. Entries hold the
 * pseudonymous conversation id, codes and a short English reason: no platform id, no message text. Every failure is
 * counted and logged as the in-memory log does.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisFailedSendLog implements FailedSendLog {

    static final String KIND = "failed-sends";
    static final int CAPACITY = InMemoryFailedSendLog.CAPACITY;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NO_CONVERSATION = "-";

    /** KEYS[1] the list; ARGV: entry, capacity, oldest epoch ms kept, TTL ms. */
    private static final RedisScript<Long> APPEND = RedisScript.of("""
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            local cutoff = tonumber(ARGV[3])
            while true do
              local head = redis.call('LINDEX', KEYS[1], 0)
              if not head then break end
              local at = tonumber(string.sub(head, 1, string.find(head, '|', 1, true) - 1))
              if at == nil or at >= cutoff then break end
              redis.call('LPOP', KEYS[1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return redis.call('LLEN', KEYS[1])""", Long.class);

    /** KEYS[1] the list of all; ARGV[1] a conversation id: removes that conversation's entries. */
    private static final RedisScript<Long> FORGET = RedisScript.of("""
            local removed = 0
            local marker = '|' .. ARGV[1] .. '|'
            for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
              local first = string.find(entry, '|', 1, true)
              if first and string.sub(entry, first, first + string.len(marker) - 1) == marker then
                removed = removed + redis.call('LREM', KEYS[1], 0, entry)
              end
            end
            return removed""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final FailureCount count;

    RedisFailedSendLog(ReactiveStringRedisTemplate redis, RedisKeys keys, PrivacyProperties privacy,
                       MeterRegistry meters) {
        this.redis = redis;
        this.keys = keys;
        this.retention = privacy.retention();
        this.count = new FailureCount(meters);
    }

    @Override
    public Mono<Void> record(FailedSend failure) {
        return Mono.defer(() -> {
            count.counted(failure);
            String entry = entry(failure);
            List<String> args = List.of(entry, Integer.toString(CAPACITY), Long.toString(cutoff()),
                    Long.toString(retention.toMillis()));
            Mono<Void> all = redis.execute(APPEND, List.of(all()), args).then();
            Mono<Void> own = failure.conversationId() == null ? Mono.empty()
                    : redis.execute(APPEND, List.of(of(failure.conversationId())), args).then();
            return all.then(own);
        });
    }

    @Override
    public Flux<FailedSend> recent() {
        return read(all());
    }

    @Override
    public Flux<FailedSend> forConversation(String conversationId) {
        return read(of(conversationId));
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        // Two keys in two Cluster slots: two commands, each harmless to repeat.
        return redis.execute(FORGET, List.of(all()), List.of(conversationId)).then()
                .then(redis.delete(of(conversationId)))
                .then();
    }

    private Flux<FailedSend> read(String key) {
        return Flux.defer(() -> {
            long cutoff = cutoff();
            return redis.opsForList().range(key, 0, -1)
                    .filter(entry -> epochMillis(entry) >= cutoff)
                    .map(entry -> JSON.readValue(entry.substring(entry.indexOf('|', entry.indexOf('|') + 1) + 1),
                            FailedSend.class));
        });
    }

    private static String entry(FailedSend failure) {
        Instant at = failure.at() == null ? Instant.now() : failure.at();
        String conversation = failure.conversationId() == null ? NO_CONVERSATION : failure.conversationId();
        return at.toEpochMilli() + "|" + conversation + "|" + JSON.writeValueAsString(failure);
    }

    private static long epochMillis(String entry) {
        return Long.parseLong(entry.substring(0, entry.indexOf('|')));
    }

    private long cutoff() {
        return Instant.now().minus(retention).toEpochMilli();
    }

    private String all() {
        return keys.key(KIND);
    }

    private String of(String conversationId) {
        return keys.conversation(KIND, conversationId);
    }
}
