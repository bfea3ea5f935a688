package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * The contract on Redis, plus what only a shared lock can show: two instances on one Redis exclude each other, a
 * dead instance's lease expires, a running holder's lease is kept alive, and waiting does not spin.
 */
class RedisConversationLockTest extends ConversationLockContract {

    /** One scope for the class: the contract makes its lock while the test object is being built. */
    private static final RedisScope REDIS = RedisTestSupport.scope("conversation-lock");

    static {
        // Connect before the first test: the contract's 800 ms wait is about the lock, not about opening a
        // connection on a loaded machine (the service connects once, at its first command).
        REDIS.template().hasKey(REDIS.keys().key("warm-up")).block(Duration.ofSeconds(30));
    }

    @AfterAll
    static void removeKeys() {
        REDIS.close();
    }

    @Override
    protected RedisConversationLock lock(Duration ttl, Duration maxWait) {
        return new RedisConversationLock(REDIS.template(), REDIS.keys(), new LockProperties(ttl, maxWait),
                REDIS.properties());
    }

    private static String conversation() {
        return "conv-" + UUID.randomUUID();
    }

    @Test
    void fiftyWritersOnTwoInstancesLoseNoUpdate() {
        List<RedisConversationLock> instances = List.of(lock(TTL, Duration.ofSeconds(10)),
                lock(TTL, Duration.ofSeconds(10)));
        String id = conversation();
        int[] value = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        long started = System.nanoTime();
        Flux.range(0, 50)
                .flatMap(i -> instances.get(i % 2).withLock(id, () -> Mono.fromCallable(() -> {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            return value[0];
                        })
                        .publishOn(Schedulers.parallel())
                        .map(read -> {
                            value[0] = read + 1;
                            inside.decrementAndGet();
                            return read;
                        }))
                        .subscribeOn(Schedulers.parallel()), 50)
                .blockLast(Duration.ofSeconds(30));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(value[0]).isEqualTo(50);
        assertThat(mostInside.get()).as("writers inside at once, across both instances").isEqualTo(1);
        System.out.printf("[figure] 50 writers on 2 instances: %d ms, %d + %d SET NX attempts%n", elapsedMs,
                instances.get(0).attempts(), instances.get(1).attempts());
    }

    @Test
    void aLeaseHeldByADeadInstanceIsTakenByAnotherOnceItExpires() {
        String id = conversation();
        RedisConversationLock dead = lock(Duration.ofMillis(400), Duration.ofSeconds(3));
        RedisConversationLock survivor = lock(Duration.ofMillis(400), Duration.ofSeconds(3));
        dead.acquire(id).block();
        long started = System.nanoTime();

        StepVerifier.create(survivor.acquire(id)).expectNextCount(1).verifyComplete();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the lease to expire")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aHolderStillWorkingKeepsItsLeasePastTheLeaseTimeAndOnlyItsOwnerCanFreeIt() {
        String id = conversation();
        Duration ttl = Duration.ofMillis(300);
        RedisConversationLock a = lock(ttl, Duration.ofMillis(900));
        RedisConversationLock b = lock(ttl, Duration.ofMillis(900));
        Sinks.Empty<Void> finish = Sinks.empty();
        Mono<String> slowTurn = a.withLock(id, () -> finish.asMono().thenReturn("slow turn done")).cache();
        slowTurn.subscribe();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> REDIS.template().hasKey(REDIS.keys().conversation("lock", id)).block());

        StepVerifier.create(Flux.merge(outcome(a.acquire(id), "a second writer on the same instance got it"),
                        outcome(b.acquire(id), "a writer on another instance got it")))
                .as("writers here and on another instance wait out three lease times while the first one works")
                .expectNext("timed out", "timed out")
                .verifyComplete();
        ConversationLock.Lease stranger = new ConversationLock.Lease(id, "not-the-owner", ttl);
        b.release(stranger).block();
        assertThat(REDIS.template().hasKey(REDIS.keys().conversation("lock", id)).block())
                .as("a release with another token frees nothing").isTrue();

        finish.tryEmitEmpty();
        StepVerifier.create(slowTurn).expectNext("slow turn done").verifyComplete();
        StepVerifier.create(b.acquire(id)).expectNextCount(1).verifyComplete();
    }

    private static Mono<String> outcome(Mono<ConversationLock.Lease> acquire, String taken) {
        return acquire.map(lease -> taken)
                .onErrorResume(ConversationLock.LockTimeoutException.class, e -> Mono.just("timed out"));
    }

    @Test
    void waitingForAnotherInstanceDoesNotSpin() {
        String id = conversation();
        RedisConversationLock holder = lock(Duration.ofSeconds(5), Duration.ofSeconds(5));
        RedisConversationLock waiter = lock(Duration.ofSeconds(5), Duration.ofMillis(1500));
        ConversationLock.Lease held = holder.acquire(id).block();
        long started = System.nanoTime();

        StepVerifier.create(waiter.acquire(id)).expectError(ConversationLock.LockTimeoutException.class)
                .verify(Duration.ofSeconds(5));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        holder.release(held).block();

        // The pause grows to the 20 ms poll interval of the test settings: about 80 asks in 1.5 s, never thousands.
        assertThat(waiter.attempts()).as("SET NX attempts while waiting %d ms", waitedMs).isBetween(10L, 200L);
        System.out.printf("[figure] waiting %d ms for another instance: %d SET NX attempts%n", waitedMs,
                waiter.attempts());
    }
}
