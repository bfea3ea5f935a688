package vn.motcua.redis;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStreamOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A durable work queue on one Redis Stream with one consumer group, shared by every instance: the engine under the
 * Redis inbox and outbox (which only say what an entry holds).
 *
 * <ul>
 * <li><b>Append</b>: XADD with an approximate MAXLEN, then the entry's id is pushed on its <em>line</em> (one list per
 * person: {@code <stream>:line:{conv:<id>}}).</li>
 * <li><b>Read</b>: XREADGROUP without BLOCK (a blocking read would hold the connection every other command shares),
 * again at once while there is more, after {@code pollInterval} when the stream is empty.</li>
 * <li><b>Order</b>: an entry is handed out only when no earlier entry of its line is still in the stream, unless that
 * earlier one is already held by this very consumer (whose worker keeps one person's entries in order itself). So a
 * later message of a person never overtakes an earlier one held by another instance.</li>
 * <li><b>Acknowledge</b>: XACK, XDEL, then the id leaves its line.</li>
 * <li><b>Takeover</b>: every consumer keeps a heartbeat key ({@code <stream>:alive:<consumer>}, TTL
 * {@code claimAfter}, renewed every third of it). Entries pending on a consumer whose heartbeat is gone, idle for
 * {@code claimAfter}, are claimed (XPENDING per consumer, then XCLAIM with that minimum idle time, which Redis makes
 * atomic: of two instances claiming at once, one gets each entry). A live but slow consumer is never robbed.</li>
 * </ul>
 */
public final class RedisStreamQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamQueue.class);

    /** The one consumer group every instance reads in. */
    public static final String GROUP = "workers";
    private static final int BATCH = 100;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** How long a stream lives after its last append (its entries are deleted one by one as they are handled). */
    public static final Duration STREAM_TTL = Duration.ofDays(7);
    /** XADD with approximate trimming and the stream's TTL, one key: the same on a Redis Cluster. */
    private static final RedisScript<String> APPEND = RedisScript.of(
            "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 3)) "
                    + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) return id", String.class);
    private static final RedisScript<Long> PUSH_LINE = RedisScript.of(
            "redis.call('RPUSH', KEYS[1], ARGV[1]) return redis.call('PEXPIRE', KEYS[1], ARGV[2])", Long.class);
    private static final RedisScript<String> CREATE_GROUP = RedisScript.of(
            "local ok, err = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM') "
                    + "if ok then return 'created' end return 'exists'", String.class);

    /**
     * One entry handed to a worker.
     *
     * @param id      the stream's id of the entry
     * @param line    whose entry it is (a pseudonymous conversation id): entries of one line are handed out in order
     * @param payload what the entry holds, as the adapter wrote it (sealed)
     * @param attempt 1 the first time, more when delivered again (released, or taken over)
     */
    public record Entry(String id, String line, String payload, int attempt) {

        public Entry again() {
            return new Entry(id, line, payload, attempt + 1);
        }

        @Override
        public String toString() {
            return "Entry[" + id + ", attempt " + attempt + "]";
        }
    }

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveStreamOperations<String, Object, Object> streams;
    private final RedisKeys keys;
    private final String name;
    private final String stream;
    private final String consumer;
    private final long maxLength;
    private final Duration claimAfter;
    private final Duration pollInterval;
    private final Duration lineTtl;
    /** Handed to the worker and not yet acknowledged. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Read, but an earlier entry of the same line is still held elsewhere: handed out once it is gone. */
    private final Map<String, Entry> held = new ConcurrentHashMap<>();
    private final Sinks.Many<Entry> redelivered = Sinks.many().multicast().onBackpressureBuffer(1 << 16, false);
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param name    the stream's name under the prefix ({@code inbox}, {@code outbox})
     * @param lineTtl how long a line key lives after its last append (it names a person, so it must expire)
     */
    public RedisStreamQueue(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                            String name, Duration lineTtl) {
        this.redis = redis;
        this.streams = redis.opsForStream();
        this.keys = keys;
        this.name = name;
        this.stream = keys.key(name);
        this.consumer = consumerName();
        this.maxLength = properties.streamMaxLength();
        this.claimAfter = properties.claimAfter();
        this.pollInterval = properties.pollInterval();
        this.lineTtl = lineTtl;
    }

    /** This instance's consumer name: the host name and a random part, so two processes on one host differ. */
    private static String consumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String stream() {
        return stream;
    }

    public String consumer() {
        return consumer;
    }

    /** The heartbeat key of a consumer. */
    public String aliveKey(String consumerName) {
        return keys.key(name, "alive", consumerName);
    }

    /** The line key of a conversation. */
    public String lineKey(String line) {
        return keys.conversation(name + ":line", line);
    }

    /**
     * Appends an entry; completes with its id once Redis holds it. The stream's own TTL is renewed with it: entries
     * are deleted as they are handled, and a stream nobody wrote to for {@link #STREAM_TTL} holds nothing waiting.
     */
    public Mono<String> append(String line, String payload) {
        List<String> args = new ArrayList<>(List.of(Long.toString(maxLength), Long.toString(STREAM_TTL.toMillis()),
                "p", payload));
        if (line != null) {
            args.add("line");
            args.add(line);
        }
        Mono<String> added = redis.execute(APPEND, List.of(stream), args).next();
        if (line == null) {
            return added;
        }
        return added.flatMap(id -> redis.execute(PUSH_LINE, List.of(lineKey(line)),
                List.of(id, Long.toString(lineTtl.toMillis()))).then(Mono.just(id)));
    }

    /**
     * The entries for this instance, for as long as it is subscribed (one subscriber at a time): its own entries
     * left from an earlier subscription, new ones, released ones, and those taken over from consumers that died. The
     * heartbeat runs while subscribed; cancelling stops it and removes it, so others may take over what is left.
     */
    public Flux<Entry> entries() {
        return Flux.defer(() -> {
            ReadState state = new ReadState();
            Flux<List<Entry>> reads = createGroup().thenMany(readLoop(state));
            Flux<List<Entry>> claims = Flux.interval(claimEvery(), claimEvery())
                    .concatMap(tick -> claimRound().onErrorResume(e -> {
                        warn("claim", e);
                        return Mono.just(List.of());
                    }));
            Flux<List<Entry>> ticks = Flux.interval(pollInterval, pollInterval).map(tick -> List.<Entry>of())
                    .onBackpressureDrop();
            Flux<Entry> gated = Flux.merge(reads, claims, ticks).concatMap(this::gate);
            Flux<Entry> heartbeat = Flux.interval(Duration.ZERO, claimAfter.dividedBy(3))
                    .onBackpressureDrop()
                    .concatMap(tick -> redis.opsForValue().set(aliveKey(consumer), "1", claimAfter)
                            .onErrorResume(e -> Mono.just(false)))
                    .thenMany(Flux.empty());
            return Flux.merge(gated, redelivered.asFlux(), heartbeat)
                    .doOnCancel(() -> redis.delete(aliveKey(consumer)).onErrorResume(e -> Mono.empty()).subscribe());
        });
    }

    /** Done: XACK, XDEL, and out of its line. */
    public Mono<Void> acknowledge(Entry entry) {
        return streams.acknowledge(stream, GROUP, entry.id())
                .then(streams.delete(stream, entry.id()))
                .then(entry.line() == null ? Mono.empty() : redis.opsForList().remove(lineKey(entry.line()), 1, entry.id()))
                .then(Mono.fromRunnable(() -> inFlight.remove(entry.id())));
    }

    /** Hands the entry to this instance's worker again, with the next attempt number (it stays pending here). */
    public Mono<Void> redeliver(Entry entry) {
        return Mono.fromRunnable(() -> {
            synchronized (redelivered) {
                redelivered.emitNext(entry.again(), Sinks.EmitFailureHandler.FAIL_FAST);
            }
        });
    }

    /** Entries read by this instance and not yet acknowledged. */
    public int pending() {
        return inFlight.size() + held.size();
    }

    /** The id of the newest entry in the stream, or {@code 0-0}: every entry appended later has a greater one. */
    public Mono<String> lastId() {
        return streams.reverseRange(stream, Range.unbounded(), Limit.limit().count(1))
                .next().map(record -> record.getId().getValue()).defaultIfEmpty("0-0");
    }

    /** Orders stream ids ({@code <ms>-<seq>}). */
    public static int compare(String a, String b) {
        return Long.compare(sequence(a), sequence(b)) != 0 ? Long.compare(sequence(a), sequence(b))
                : a.compareTo(b);
    }

    /** A stream id as one number that keeps its order: the milliseconds, then the sequence in the low 20 bits. */
    public static long sequence(String id) {
        int dash = id.indexOf('-');
        long ms = Long.parseLong(id.substring(0, dash));
        long seq = Long.parseLong(id.substring(dash + 1));
        return (ms << 20) | Math.min(seq, (1 << 20) - 1);
    }

    /** The stream id a {@link #sequence(String)} came from (exact while fewer than a million entries share a ms). */
    public static String id(long sequence) {
        return (sequence >>> 20) + "-" + (sequence & ((1 << 20) - 1));
    }

    private Duration claimEvery() {
        Duration quarter = claimAfter.dividedBy(4);
        return quarter.compareTo(pollInterval) > 0 ? quarter : pollInterval;
    }

    private Mono<Void> createGroup() {
        return redis.execute(CREATE_GROUP, List.of(stream), List.of(GROUP)).then()
                .onErrorResume(e -> {
                    warn("group", e);
                    return Mono.empty();
                });
    }

    /** Per subscription: first this consumer's own entries left pending (not held in memory), then new ones. */
    private static final class ReadState {
        String historyFrom = "0";
    }

    private Flux<List<Entry>> readLoop(ReadState state) {
        return Mono.defer(() -> readOnce(state))
                .flatMap(batch -> batch.isEmpty() ? Mono.delay(pollInterval).thenReturn(batch) : Mono.just(batch))
                .onErrorResume(e -> {
                    warn("read", e);
                    Duration wait = pollInterval.compareTo(Duration.ofMillis(500)) > 0 ? pollInterval
                            : Duration.ofMillis(500);
                    // The stream may have been removed with its group (or never made, if Redis was away at start).
                    return Mono.delay(wait).then(createGroup()).thenReturn(List.of());
                })
                .repeat()
                .filter(batch -> !batch.isEmpty());
    }

    private Mono<List<Entry>> readOnce(ReadState state) {
        boolean history = state.historyFrom != null;
        ReadOffset offset = history ? ReadOffset.from(state.historyFrom) : ReadOffset.lastConsumed();
        return streams.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(BATCH),
                        StreamOffset.create(stream, offset))
                .collectList()
                .flatMap(records -> {
                    if (history) {
                        if (records.isEmpty()) {
                            state.historyFrom = null;
                            return Mono.just(List.<Entry>of());
                        }
                        state.historyFrom = records.get(records.size() - 1).getId().getValue();
                    }
                    List<Entry> entries = new ArrayList<>();
                    List<String> gone = new ArrayList<>();
                    for (MapRecord<String, Object, Object> record : records) {
                        String id = record.getId().getValue();
                        if (history && (inFlight.contains(id) || held.containsKey(id))) {
                            continue;
                        }
                        Entry entry = entry(record, 1);
                        if (entry == null) {
                            gone.add(id);
                        } else {
                            entries.add(entry);
                        }
                    }
                    // A pending entry whose content was trimmed away cannot be handled: let it go.
                    Mono<Void> dropGone = gone.isEmpty() ? Mono.empty()
                            : streams.acknowledge(stream, GROUP, gone.toArray(String[]::new)).then();
                    return dropGone.thenReturn(entries);
                });
    }

    private static Entry entry(MapRecord<String, Object, Object> record, int attempt) {
        Map<Object, Object> fields = record.getValue();
        Object payload = fields == null ? null : fields.get("p");
        if (payload == null) {
            return null;
        }
        Object line = fields.get("line");
        return new Entry(record.getId().getValue(), line == null ? null : line.toString(), payload.toString(), attempt);
    }

    /**
     * Hands out what is ready of the held entries and the new batch, in id order; holds the rest. Runs one batch at a
     * time (concatMap), so {@link #held} has one writer.
     */
    private Flux<Entry> gate(List<Entry> batch) {
        List<Entry> candidates = new ArrayList<>(held.values());
        for (Entry entry : batch) {
            if (!inFlight.contains(entry.id())) {
                candidates.add(entry);
            }
        }
        if (candidates.isEmpty()) {
            return Flux.empty();
        }
        candidates.sort(Comparator.comparing(Entry::id, RedisStreamQueue::compare));
        return Flux.fromIterable(candidates)
                .concatMap(entry -> ready(entry).onErrorResume(e -> {
                    warn("order", e);
                    return Mono.just(false);
                }).flatMap(ready -> {
                    if (ready) {
                        held.remove(entry.id());
                        inFlight.add(entry.id());
                        return Mono.just(entry);
                    }
                    held.put(entry.id(), entry);
                    return Mono.empty();
                }));
    }

    /** True when no earlier entry of the entry's line is still in the stream, except those this consumer holds. */
    private Mono<Boolean> ready(Entry entry) {
        if (entry.line() == null) {
            return Mono.just(true);
        }
        String line = lineKey(entry.line());
        return redis.opsForList().range(line, 0, -1)
                .filter(id -> compare(id, entry.id()) < 0)
                .concatMap(earlier -> {
                    if (inFlight.contains(earlier)) {
                        return Mono.just(true);
                    }
                    if (held.containsKey(earlier)) {
                        return Mono.just(false);
                    }
                    return streams.range(stream, Range.closed(earlier, earlier)).hasElements()
                            .flatMap(exists -> exists ? Mono.just(false)
                                    // Acknowledged (or trimmed) without leaving the line: tidy it.
                                    : redis.opsForList().remove(line, 1, earlier).thenReturn(true));
                })
                .all(Boolean::booleanValue);
    }

    /** Takes over the idle entries of every consumer whose heartbeat is gone. */
    private Mono<List<Entry>> claimRound() {
        return streams.pending(stream, GROUP)
                .flatMapMany(summary -> Flux.fromIterable(summary.getPendingMessagesPerConsumer().entrySet()))
                .filter(owner -> !owner.getKey().equals(consumer))
                .concatMap(owner -> redis.hasKey(aliveKey(owner.getKey()))
                        .flatMapMany(alive -> alive ? Flux.empty() : claimFrom(owner.getKey())))
                .collectList();
    }

    private Flux<Entry> claimFrom(String dead) {
        return streams.pending(stream, Consumer.from(GROUP, dead), Range.unbounded(), BATCH)
                .flatMapMany(pending -> {
                    Map<String, Long> deliveries = new LinkedHashMap<>();
                    for (PendingMessage message : pending) {
                        if (message.getElapsedTimeSinceLastDelivery().compareTo(claimAfter) >= 0) {
                            deliveries.put(message.getIdAsString(), message.getTotalDeliveryCount());
                        }
                    }
                    if (pending.isEmpty()) {
                        // Nothing left on it: the consumer is gone for good.
                        return streams.deleteConsumer(stream, Consumer.from(GROUP, dead)).thenMany(Flux.empty());
                    }
                    if (deliveries.isEmpty()) {
                        return Flux.empty();
                    }
                    return streams.claim(stream, GROUP, consumer,
                                    XClaimOptions.minIdle(claimAfter).ids(deliveries.keySet().toArray(String[]::new)))
                            .mapNotNull(record -> {
                                Long count = deliveries.get(record.getId().getValue());
                                Entry entry = entry(record, count == null ? 2 : (int) Math.min(count + 1, 1000));
                                if (entry != null) {
                                    log.info("The {} stream took over {} from {}, whose heartbeat is gone", name, entry,
                                            dead);
                                }
                                return entry;
                            });
                });
    }

    /** Redis away: said at most once a minute per queue, never with anything about a person. */
    private void warn(String what, Throwable e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("The {} stream could not {} ({}: {}); trying again", name, what, root.getClass().getSimpleName(),
                    root.getMessage());
        }
    }
}
