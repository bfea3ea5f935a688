package vn.motcua.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisStoreProperties;

/**
 * The conversation lock shared by every instance: {@code lock:{conv:<id>}} holds the holder's owner token, set with
 * {@code SET NX PX} (the lease time), freed and extended only by that token (compare-and-delete and
 * compare-and-extend, each one Lua script, so no other holder's lease can be touched between the compare and the
 * write).
 *
 * <p>Waiting has two levels. Inside one instance, writers of a conversation queue first come, first served in the
 * in-memory lock, so only the head of that queue asks Redis: fifty writers on one instance make one poller, not
 * fifty. While writers here pass the conversation on to each other, the instance keeps its Redis lease (the key's
 * token is the instance's, not one writer's) and extends it only when less than half the lease time is left, so a
 * burst of one person's messages costs no Redis command per message; the key is deleted when the last writer here
 * lets go. Against other instances the head polls {@code SET NX} with a growing, jittered pause (from
 * {@value #FIRST_PAUSE_MS} ms up to {@code motcua.redis.poll-interval}) on the timer threads, never spinning. The
 * whole wait, both levels together, is bounded by {@code MOTCUA_LOCK_MAX_WAIT}. A busy instance can therefore keep a
 * conversation for as long as its own writers queue for it; the others' wait stays bounded and the inbox tries
 * their events again.
 *
 * <p>{@link #withLock} keeps its lease alive while the work runs (compare-and-extend every third of the lease time),
 * so a slow turn keeps its conversation; the lease time then only limits how long a holder that died blocks it.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisConversationLock implements ConversationLock {

    private static final Logger log = LoggerFactory.getLogger(RedisConversationLock.class);

    static final String KIND = "lock";
    static final long FIRST_PAUSE_MS = 2;

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);
    private static final RedisScript<Long> EXTEND = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final Duration wait;
    private final long longestPauseMs;
    private final InMemoryConversationLock local;
    /** The Redis leases this instance holds, by conversation, while its writers pass the conversation on. */
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();

    /**
     * This instance's Redis lease on one conversation.
     *
     * @param token      the owner token stored in the key
     * @param validUntil {@link System#nanoTime()} before which the key is surely still this one's: counted from the
     *                   moment the command that set or extended it was sent, so never later than Redis's own expiry
     */
    private record Hold(String token, long validUntil) {
    }

    RedisConversationLock(ReactiveStringRedisTemplate redis, RedisKeys keys, LockProperties properties,
                          RedisStoreProperties store) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = properties.ttl();
        this.wait = properties.maxWait();
        this.longestPauseMs = Math.max(FIRST_PAUSE_MS, store.pollInterval().toMillis());
        this.local = new InMemoryConversationLock(properties);
    }

    @Override
    public Mono<Lease> acquire(String conversationId) {
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + wait.toNanos();
            return local.acquire(conversationId).flatMap(lease -> inRedis(lease, deadline)
                    // Not taken in Redis (timed out, Redis away) or no longer wanted: the next writer here goes on.
                    .onErrorResume(e -> release(lease).onErrorResume(ignored -> Mono.empty()).then(Mono.error(e)))
                    .doOnCancel(() -> release(lease).subscribe(null, e -> { })));
        });
    }

    @Override
    public Mono<Void> release(Lease lease) {
        return Mono.defer(() -> {
            AtomicReference<Hold> freed = new AtomicReference<>();
            local.releaseNow(lease, () -> freed.set(holds.remove(lease.conversationId())));
            Hold hold = freed.get();
            return hold == null ? Mono.empty()
                    : redis.execute(RELEASE, List.of(key(lease.conversationId())), List.of(hold.token())).then();
        });
    }

    /**
     * Extends this instance's Redis lease on the lease's conversation by the full lease time again.
     *
     * @return false when it was no longer held (it expired and perhaps another instance holds it now)
     */
    @Override
    public Mono<Boolean> extend(Lease lease) {
        return Mono.defer(() -> {
            // Here first: the lease must still be this instance's holder (not one released and passed on, whose
            // successor shares the instance's Redis lease), and the next writer here must not be let in either.
            if (!local.extendNow(lease)) {
                return Mono.just(false);
            }
            Hold hold = holds.get(lease.conversationId());
            return hold == null ? Mono.just(false) : extend(lease.conversationId(), hold);
        });
    }

    @Override
    public <T> Mono<T> withLock(String conversationId, Supplier<Mono<T>> work) {
        return Mono.usingWhen(acquire(conversationId), lease -> Mono.defer(() -> {
            Disposable keepAlive = keepAlive(lease);
            return Mono.defer(work).doFinally(signal -> keepAlive.dispose());
        }), this::release, (lease, error) -> release(lease), this::release);
    }

    /** How many times this instance asked Redis for a lease (SET NX): measured by the tests, never spins. */
    long attempts() {
        return attempts.get();
    }

    /**
     * Makes sure this instance holds the conversation in Redis for the new local holder: the lease a writer here
     * just passed on, if at least half the lease time is left on it (no command at all), else extended, else taken
     * afresh with {@code SET NX PX}.
     */
    private Mono<Lease> inRedis(Lease lease, long deadline) {
        String id = lease.conversationId();
        Hold hold = holds.get(id);
        if (hold == null) {
            return take(lease, deadline, FIRST_PAUSE_MS);
        }
        long left = hold.validUntil() - System.nanoTime();
        if (left > ttl.toNanos() / 2) {
            return Mono.just(new Lease(id, lease.token(), Duration.ofNanos(left)));
        }
        return extend(id, hold).flatMap(extended -> {
            if (extended) {
                return Mono.just(lease);
            }
            holds.remove(id, hold);
            return take(lease, deadline, FIRST_PAUSE_MS);
        });
    }

    private Mono<Boolean> extend(String conversationId, Hold hold) {
        return Mono.defer(() -> {
            long sent = System.nanoTime();
            return redis.execute(EXTEND, List.of(key(conversationId)),
                            List.of(hold.token(), Long.toString(ttl.toMillis())))
                    .next()
                    .map(extended -> {
                        if (extended == 1L) {
                            holds.replace(conversationId, hold, new Hold(hold.token(), sent + ttl.toNanos()));
                            return true;
                        }
                        return false;
                    })
                    .defaultIfEmpty(false);
        });
    }

    private Disposable keepAlive(Lease lease) {
        Duration every = ttl.dividedBy(3);
        return Flux.interval(every, every)
                // A slow answer skips a tick rather than failing the interval.
                .onBackpressureDrop()
                .concatMap(tick -> extend(lease).onErrorResume(e -> Mono.just(true)))
                .filter(extended -> !extended)
                .take(1)
                .subscribe(lost -> log.warn("A conversation lease ({}…) expired while its work was still running",
                        lease.conversationId().substring(0, Math.min(8, lease.conversationId().length()))));
    }

    private Mono<Lease> take(Lease lease, long deadline, long pauseMs) {
        String token = UUID.randomUUID().toString();
        return Mono.defer(() -> {
            attempts.incrementAndGet();
            long sent = System.nanoTime();
            return redis.opsForValue().setIfAbsent(key(lease.conversationId()), token, ttl).map(taken -> {
                if (Boolean.TRUE.equals(taken)) {
                    holds.put(lease.conversationId(), new Hold(token, sent + ttl.toNanos()));
                }
                return Boolean.TRUE.equals(taken);
            });
        }).flatMap(taken -> {
            if (taken) {
                return Mono.just(lease);
            }
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return Mono.error(new LockTimeoutException(wait));
            }
            // Jittered, so that waiters on several instances do not ask in step.
            long pause = Math.min(leftMs, pauseMs / 2 + ThreadLocalRandom.current().nextLong(pauseMs / 2 + 1) + 1);
            return Mono.delay(Duration.ofMillis(pause))
                    .then(take(lease, deadline, Math.min(longestPauseMs, pauseMs * 2)));
        });
    }

    private String key(String conversationId) {
        return keys.conversation(KIND, conversationId);
    }
}
