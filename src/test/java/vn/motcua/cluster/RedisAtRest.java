package vn.motcua.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.redis.RedisScope;

/**
 * Reads everything a test left in Redis under its prefix, the way someone holding a dump would: every key (SCAN, never
 * KEYS), each read according to its type (string, hash, list, set, sorted set, stream), with its TTL. Then lists
 * what would give a person away: a platform id, a text they or a caseworker wrote, any non-ASCII text (Vietnamese in
 * clear; sealed values are Base64) in a key or a value, and keys about a person (naming or holding one of the test's
 * conversation ids) that never expire.
 */
final class RedisAtRest {

    /** One key as found: its type, its TTL in ms (-1: none), and every string it holds (names and values). */
    record Entry(String key, String type, long ttlMillis, List<String> contents) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RedisAtRest() {
    }

    static List<Entry> read(RedisScope scope) {
        ReactiveStringRedisTemplate redis = scope.template();
        return Flux.fromIterable(scope.allKeys())
                .flatMap(key -> redis.type(key).flatMap(type -> type == DataType.NONE
                        ? Mono.empty() // expired or deleted between SCAN and the read
                        : Mono.zip(contents(redis, key, type), pttl(redis, key))
                                .map(t -> new Entry(key, type.code(), t.getT2(), t.getT1()))), 32)
                .collectList().block(TIMEOUT);
    }

    private static Mono<List<String>> contents(ReactiveStringRedisTemplate redis, String key, DataType type) {
        Flux<String> values = switch (type) {
            case STRING -> redis.opsForValue().get(key).flux();
            case HASH -> redis.opsForHash().entries(key)
                    .flatMapIterable(e -> List.of(String.valueOf(e.getKey()), String.valueOf(e.getValue())));
            case LIST -> redis.opsForList().range(key, 0, -1);
            case SET -> redis.opsForSet().members(key);
            case ZSET -> redis.opsForZSet().range(key, Range.unbounded());
            case STREAM -> redis.opsForStream().range(key, Range.unbounded())
                    .flatMapIterable(record -> record.getValue().entrySet().stream()
                            .flatMap(e -> Stream.of(String.valueOf(e.getKey()), String.valueOf(e.getValue())))
                            .toList());
            default -> Flux.empty();
        };
        return values.collectList();
    }

    private static Mono<Long> pttl(ReactiveStringRedisTemplate redis, String key) {
        return redis.execute((ReactiveRedisConnection connection) -> connection.keyCommands()
                .pTtl(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))).next().defaultIfEmpty(-2L);
    }

    /**
     * Every finding, one line each (empty when Redis gives nothing away).
     *
     * @param secrets         what must never be found in clear: platform ids, texts people and caseworkers wrote
     * @param conversationIds the test's conversations: a key naming or holding one is about a person and must expire
     */
    static List<String> findings(List<Entry> entries, Collection<String> secrets, Collection<String> conversationIds) {
        List<String> findings = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> all = new ArrayList<>(entry.contents());
            all.add(entry.key());
            for (String value : all) {
                for (String secret : secrets) {
                    if (value.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
                        findings.add(entry.key() + " (" + entry.type() + ") holds in clear: " + shorten(secret));
                    }
                }
                if (!value.chars().allMatch(c -> c < 128)) {
                    findings.add(entry.key() + " (" + entry.type() + ") holds non-ASCII text in clear: "
                            + shorten(value));
                }
            }
            boolean aboutAPerson = all.stream().anyMatch(v -> conversationIds.stream().anyMatch(v::contains));
            if (aboutAPerson && entry.ttlMillis() < 0) {
                findings.add(entry.key() + " (" + entry.type() + ") is about a person and never expires");
            }
        }
        return findings.stream().distinct().toList();
    }

    /** How many keys of each kind (the key with the prefix and any hash tag taken out) and type, for the report. */
    static Map<String, Integer> census(List<Entry> entries, String prefix) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Entry entry : entries) {
            String kind = entry.key().substring(prefix.length()).replaceAll("\\{[^}]*\\}", "{…}")
                    .replaceAll("[0-9a-f]{16,}", "…").replaceAll("[0-9]{6,}(-[0-9]+)?", "…");
            kinds.merge(kind + " " + entry.type() + (entry.ttlMillis() < 0 ? " no-ttl" : ""), 1, Integer::sum);
        }
        return kinds;
    }

    private static String shorten(String value) {
        // A finding names what leaked, not the whole value: enough to find it again.
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
