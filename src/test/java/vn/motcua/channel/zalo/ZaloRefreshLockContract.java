package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * What every {@link ZaloRefreshLock} adapter must do; each adapter's test extends this. A Zalo refresh token works
 * once: two refreshes racing each other leave one of them holding a dead token, and Zalo replies stop.
 */
abstract class ZaloRefreshLockContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A new lock, as one instance of the service holds it. */
    abstract ZaloRefreshLock newLock();

    /**
     * The lock of another instance that shares {@code lock}'s token store. In memory nothing is shared between
     * processes, so only {@code lock} itself shares its store; a Redis adapter returns a second adapter on the same
     * Redis keys.
     */
    abstract ZaloRefreshLock anotherInstanceSharing(ZaloRefreshLock lock);

    /** The token store the refreshes in these tests write to and the waiters read again. */
    private final AtomicReference<ZaloTokens> stored = new AtomicReference<>(pair("old"));
    private final AtomicInteger refreshes = new AtomicInteger();

    private static ZaloTokens pair(String name) {
        return new ZaloTokens(name + "-access", name + "-refresh", Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** A refresh that stores {@code pair} and returns it, once {@code gate} opens. */
    private Mono<ZaloTokens> refresh(ZaloTokens pair, Mono<Void> gate) {
        return Mono.defer(() -> {
            refreshes.incrementAndGet();
            return gate.then(Mono.fromSupplier(() -> {
                stored.set(pair);
                return pair;
            }));
        });
    }

    private Mono<ZaloTokens> reread() {
        return Mono.fromSupplier(stored::get);
    }

    @Test
    void aLoneCallerGetsItsRefreshsResult() {
        StepVerifier.create(newLock().exclusive(refresh(pair("new"), Mono.empty()), reread()))
                .expectNext(pair("new"))
                .verifyComplete();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void callersArrivingWhileARefreshRunsWaitForItAndTheRefreshRunsOnce() {
        ZaloRefreshLock lock = newLock();
        assertOneRefreshServes(lock, lock);
    }

    @Test
    void aRefreshOnAnotherInstanceMakesThisOneWaitAndUseItsTokens() {
        ZaloRefreshLock lock = newLock();
        assertOneRefreshServes(lock, anotherInstanceSharing(lock));
    }

    @Test
    void aFinishedRefreshIsNotHandedToTheNextCaller() {
        ZaloRefreshLock lock = newLock();
        assertThat(lock.exclusive(refresh(pair("first"), Mono.empty()), reread()).block(WAIT)).isEqualTo(pair("first"));
        assertThat(lock.exclusive(refresh(pair("second"), Mono.empty()), reread()).block(WAIT)).isEqualTo(pair("second"));
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void aFailedRefreshReleasesTheLockForTheNextCaller() {
        ZaloRefreshLock lock = newLock();
        StepVerifier.create(lock.exclusive(Mono.error(new ZaloTokenException("Zalo did not answer", false)), reread()))
                .expectError(ZaloTokenException.class)
                .verify(WAIT);

        StepVerifier.create(lock.exclusive(refresh(pair("new"), Mono.empty()), reread()))
                .expectNext(pair("new"))
                .verifyComplete();
    }

    /** Five callers, the first on {@code holder} and the others on {@code waiting}, while one refresh is held. */
    private void assertOneRefreshServes(ZaloRefreshLock holder, ZaloRefreshLock waiting) {
        Sinks.Empty<Void> gate = Sinks.empty();
        List<ZaloTokens> results = new CopyOnWriteArrayList<>();
        Disposable first = holder.exclusive(refresh(pair("new"), gate.asMono()), reread()).subscribe(results::add);
        Awaitility.await().atMost(WAIT).until(() -> refreshes.get() == 1);
        Disposable others = Flux.range(0, 4)
                .flatMap(i -> waiting.exclusive(refresh(pair("second-" + i), Mono.empty()), reread()))
                .subscribe(results::add);
        assertThat(results).as("nobody has tokens while the refresh runs").isEmpty();

        gate.tryEmitEmpty();
        Awaitility.await().atMost(WAIT).until(() -> results.size() == 5);
        assertThat(results).containsOnly(pair("new"));
        assertThat(refreshes).as("refreshes run").hasValue(1);
        first.dispose();
        others.dispose();
    }
}
