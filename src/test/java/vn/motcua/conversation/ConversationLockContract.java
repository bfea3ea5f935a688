package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link ConversationLock} adapter must do. Subclasses build the lock with the given lease time and wait;
 * each test uses its own conversation ids.
 */
public abstract class ConversationLockContract {

    protected static final Duration TTL = Duration.ofSeconds(2);
    protected static final Duration WAIT = Duration.ofMillis(800);

    protected abstract ConversationLock lock(Duration ttl, Duration maxWait);

    private final ConversationLock lock = lock(TTL, WAIT);

    private static String conversation() {
        return "conv-" + UUID.randomUUID();
    }

    @Test
    void fiftyWritersOfOneConversationLoseNoUpdate() {
        String id = conversation();
        // A read-modify-write with a gap between the read and the write: without the lock, updates are lost.
        int[] value = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Flux.range(0, 50)
                .flatMap(i -> lock.withLock(id, () -> Mono.fromCallable(() -> {
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
                .blockLast(Duration.ofSeconds(20));

        assertThat(value[0]).isEqualTo(50);
        assertThat(mostInside.get()).as("writers inside at once").isEqualTo(1);
    }

    @Test
    void differentConversationsDoNotWaitForEachOther() {
        ConversationLock.Lease held = lock.acquire(conversation()).block();

        StepVerifier.create(lock.acquire(conversation())).expectNextCount(1).verifyComplete();
        lock.release(held).block();
    }

    @Test
    void aWaitingWriterGetsTheLeaseWhenTheHolderReleasesIt() {
        String id = conversation();
        ConversationLock.Lease first = lock.acquire(id).block();
        List<String> order = new ArrayList<>();

        Mono<ConversationLock.Lease> second = lock.acquire(id).doOnNext(l -> order.add("second"));
        StepVerifier.create(second)
                .then(() -> {
                    order.add("released");
                    lock.release(first).block();
                })
                .assertNext(lease -> assertThat(lease.token()).isNotEqualTo(first.token()))
                .verifyComplete();
        assertThat(order).containsExactly("released", "second");
    }

    @Test
    void aWriterGivesUpAfterTheBoundedWait() {
        String id = conversation();
        ConversationLock.Lease held = lock.acquire(id).block();

        StepVerifier.create(lock.acquire(id))
                .expectError(ConversationLock.LockTimeoutException.class)
                .verify(Duration.ofSeconds(5));
        lock.release(held).block();
    }

    @Test
    void aHolderThatNeverReleasesLosesTheLeaseWhenItExpires() {
        ConversationLock shortLived = lock(Duration.ofMillis(300), Duration.ofSeconds(3));
        String id = conversation();
        shortLived.acquire(id).block();

        StepVerifier.create(shortLived.acquire(id)).expectNextCount(1).verifyComplete();
    }

    @Test
    void aLateReleaseByAnExpiredHolderDoesNotFreeTheNewHolder() {
        ConversationLock shortLived = lock(Duration.ofMillis(300), Duration.ofMillis(200));
        String id = conversation();
        ConversationLock.Lease stale = shortLived.acquire(id).block();
        ConversationLock.Lease current = shortLived.acquire(id)
                .retryWhen(reactor.util.retry.Retry.fixedDelay(10, Duration.ofMillis(100)))
                .block(Duration.ofSeconds(5));

        shortLived.release(stale).block();

        StepVerifier.create(shortLived.acquire(id))
                .expectError(ConversationLock.LockTimeoutException.class)
                .verify(Duration.ofSeconds(5));
        shortLived.release(current).block();
        StepVerifier.create(shortLived.acquire(id)).expectNextCount(1).verifyComplete();
    }

    @Test
    void theLeaseIsReleasedWhenTheWorkFails() {
        String id = conversation();
        StepVerifier.create(lock.withLock(id, () -> Mono.error(new IllegalStateException("boom"))))
                .expectError(IllegalStateException.class)
                .verify(Duration.ofSeconds(5));

        StepVerifier.create(lock.withLock(id, () -> Mono.just("next writer"))).expectNext("next writer").verifyComplete();
    }

    @Test
    void aLongTurnKeepsItsLeasePastTheTtlAndALostLeaseCannotBeExtended() {
        String id = conversation();
        // The first writer works for twice the ttl; the lease is extended meanwhile, so a second writer that comes
        // after the first ttl has passed still finds it held and gives up after the bounded wait.
        Mono<String> longTurn = lock.withLock(id, () -> Mono.delay(TTL.multipliedBy(2)).thenReturn("first"))
                .subscribeOn(Schedulers.parallel());
        Mono<String> later = Mono.delay(TTL.plusMillis(300))
                .then(lock.withLock(id, () -> Mono.just("second")))
                .onErrorResume(ConversationLock.LockTimeoutException.class, e -> Mono.just("refused"));
        List<String> outcomes = Flux.merge(longTurn, later).collectList().block(Duration.ofSeconds(20));
        assertThat(outcomes).as("the second writer came while the long turn still ran").contains("first", "refused");

        ConversationLock.Lease lease = lock.acquire(id).block(Duration.ofSeconds(5));
        assertThat(lock.extend(lease).block(Duration.ofSeconds(5))).isTrue();
        lock.release(lease).block(Duration.ofSeconds(5));
        ConversationLock.Lease next = lock.acquire(id).block(Duration.ofSeconds(5));
        assertThat(lock.extend(lease).block(Duration.ofSeconds(5))).as("a released lease stays released").isFalse();
        lock.release(next).block(Duration.ofSeconds(5));
    }
}
