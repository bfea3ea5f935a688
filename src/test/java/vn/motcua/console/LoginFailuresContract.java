package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import vn.motcua.MovableClock;

/**
 * What every {@link LoginFailures} adapter must do, seen through the lockout it serves: repeated wrong passwords lock
 * with a back-off, tries refused while locked do not count, and an attacker cannot keep a real user out.
 */
abstract class LoginFailuresContract {

    static final ConsoleProperties PROPERTIES = new ConsoleProperties(null, null, null, 3, 6,
            Duration.ofSeconds(30), Duration.ofMinutes(4), null);

    /** A new adapter with nothing counted, on {@link #PROPERTIES}. */
    abstract LoginFailures newFailures();

    /** Another instance's adapter that shares what {@link #newFailures()} made last counts (for memory, itself). */
    abstract LoginFailures sameFailures();

    final MovableClock clock = MovableClock.stopped();
    private LoginAttempts attempts;

    LoginFailuresContract() {
        // Redis keeps times to the millisecond; so does this clock, so that both adapters are held to exact times.
        clock.advance(Duration.ofNanos(-(clock.instant().getNano() % 1_000_000)));
    }

    LoginAttempts attempts() {
        if (attempts == null) {
            attempts = new LoginAttempts(PROPERTIES, clock, newFailures());
        }
        return attempts;
    }

    @Test
    void afterRepeatedFailuresEachTryWaitsLongerUpToTheLongestWait() {
        fail("lan", "10.0.0.9", 3);
        assertThat(check("lan", "10.0.0.9")).isNotNull();
        assertThat(check("lan", "10.0.0.5")).as("the account is locked from every new address").isNotNull();
        clock.advance(Duration.ofSeconds(31));
        assertThat(check("lan", "10.0.0.5")).as("the first wait is over").isNull();

        attempts().failed("lan", "10.0.0.5").block();
        assertThat(check("lan", "10.0.0.5").until()).isEqualTo(clock.instant().plusSeconds(60));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(5));
            attempts().failed("lan", "10.0.0." + (20 + i)).block();
        }
        assertThat(check("lan", "10.0.0.5").until()).as("never longer than the longest wait")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));
        assertThat(attempts().secondsLeft(check("lan", "10.0.0.5"))).isEqualTo(240);
    }

    @Test
    void triesRefusedWhileLockedDoNotMakeTheLockLonger() {
        fail("lan", "10.0.0.9", 3);
        Instant until = check("lan", "10.0.0.9").until();
        for (int i = 0; i < 50; i++) {
            if (check("lan", "10.0.0.9") == null) {
                attempts().failed("lan", "10.0.0.9").block();
            }
        }
        assertThat(check("lan", "10.0.0.9").until()).isEqualTo(until);
    }

    @Test
    void anAttackerGuessingElsewhereCannotLockTheRealUserOutOfAnAddressTheySignedInFrom() {
        attempts().succeeded("lan", "192.168.1.20").block();
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMinutes(5));
            attempts().failed("lan", "203.0.113." + (i % 200)).block();
        }
        assertThat(check("lan", "203.0.113.7")).isNotNull();
        assertThat(check("Lan ", "192.168.1.20")).as("the real user's own address, however they type the name")
                .isNull();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedToo() {
        for (int i = 0; i < 6; i++) {
            attempts().failed("user" + i, "10.0.0.9").block();
        }
        assertThat(check("someone-else", "10.0.0.9")).isNotNull();
        assertThat(check("someone-else", "10.0.0.10")).isNull();
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        fail("lan", "10.0.0.9", 2);
        attempts().succeeded("lan", "10.0.0.9").block();
        fail("lan", "10.0.0.7", 2);
        assertThat(check("lan", "10.0.0.7")).isNull();
    }

    @Test
    void failuresCountedAtOnceAreEachCountedAndAnotherInstanceSeesThem() {
        LoginFailures failures = newFailures();
        LoginFailures.Backoff backoff = new LoginFailures.Backoff(3, Duration.ofSeconds(30), Duration.ofMinutes(4));
        Instant now = clock.instant();
        List<LoginFailures.Failures> counted = Flux.range(0, 40)
                .flatMap(i -> failures.failed(LoginFailures.Scope.ACCOUNT, "lan", backoff, now), 40)
                .collectList().block();
        assertThat(counted).extracting(LoginFailures.Failures::count)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());

        LoginFailures.Failures seen = sameFailures().failures(LoginFailures.Scope.ACCOUNT, "lan").block();
        assertThat(seen.count()).isEqualTo(40);
        assertThat(seen.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(4)));
        assertThat(sameFailures().failures(LoginFailures.Scope.ADDRESS, "lan").blockOptional())
                .as("an account and an address of the same name are counted apart").isEmpty();
        sameFailures().trust("lan", "10.0.0.1").block();
        assertThat(failures.trusted("lan", "10.0.0.1").block()).isTrue();
        assertThat(failures.trusted("lan", "10.0.0.2").block()).isFalse();
        assertThat(failures.trusted("minh", "10.0.0.1").block()).as("trusted for that user only").isFalse();
    }

    private LoginAttempts.Lock check(String account, String address) {
        return attempts().check(account, address).blockOptional().orElse(null);
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            attempts().failed(account, address).block();
        }
    }
}
