package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.motcua.MovableClock;

/** Repeated wrong passwords lock with a back-off, and an attacker cannot keep a real user out. */
class LoginAttemptsTest {

    private final MovableClock clock = MovableClock.stopped();
    private final LoginAttempts attempts = new LoginAttempts(new ConsoleProperties(null, null, null, 3, 6,
            Duration.ofSeconds(30), Duration.ofMinutes(4), null), clock);

    @Test
    void afterRepeatedFailuresEachTryWaitsLongerUpToTheLongestWait() {
        fail("lan", "10.0.0.9", 3);
        assertThat(attempts.check("lan", "10.0.0.9")).isNotNull();
        assertThat(attempts.check("lan", "10.0.0.5")).as("the account is locked from every new address").isNotNull();
        clock.advance(Duration.ofSeconds(31));
        assertThat(attempts.check("lan", "10.0.0.5")).as("the first wait is over").isNull();

        attempts.failed("lan", "10.0.0.5");
        assertThat(attempts.check("lan", "10.0.0.5").until()).isEqualTo(clock.instant().plusSeconds(60));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(5));
            attempts.failed("lan", "10.0.0." + (20 + i));
        }
        assertThat(attempts.check("lan", "10.0.0.5").until()).as("never longer than the longest wait")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));
    }

    @Test
    void triesRefusedWhileLockedDoNotMakeTheLockLonger() {
        fail("lan", "10.0.0.9", 3);
        var until = attempts.check("lan", "10.0.0.9").until();
        for (int i = 0; i < 50; i++) {
            if (attempts.check("lan", "10.0.0.9") == null) {
                attempts.failed("lan", "10.0.0.9");
            }
        }
        assertThat(attempts.check("lan", "10.0.0.9").until()).isEqualTo(until);
    }

    @Test
    void anAttackerGuessingElsewhereCannotLockTheRealUserOutOfAnAddressTheySignedInFrom() {
        attempts.succeeded("lan", "192.168.1.20");
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMinutes(5));
            attempts.failed("lan", "203.0.113." + (i % 200));
        }
        assertThat(attempts.check("lan", "203.0.113.7")).isNotNull();
        assertThat(attempts.check("lan", "192.168.1.20")).as("the real user's own address").isNull();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedToo() {
        for (int i = 0; i < 6; i++) {
            attempts.failed("user" + i, "10.0.0.9");
        }
        assertThat(attempts.check("someone-else", "10.0.0.9")).isNotNull();
        assertThat(attempts.check("someone-else", "10.0.0.10")).isNull();
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        fail("lan", "10.0.0.9", 2);
        attempts.succeeded("lan", "10.0.0.9");
        fail("lan", "10.0.0.7", 2);
        assertThat(attempts.check("lan", "10.0.0.7")).isNull();
    }

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            attempts.failed(account, address);
        }
    }
}
