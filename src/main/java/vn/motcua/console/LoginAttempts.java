package vn.motcua.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import reactor.core.publisher.Mono;
import vn.motcua.console.LoginFailures.Backoff;
import vn.motcua.console.LoginFailures.Failures;
import vn.motcua.console.LoginFailures.Scope;

/**
 * Failed sign-ins, per account and per address, with a back-off: after {@code maxFailures} in a row on an account
 * ({@code maxFailuresPerAddress} from an address) each further
 * try must wait {@code lockBase}, doubling with every failure, up to {@code lockMax}, so every lock ends. Tries refused
 * while locked do not count, so they cannot lengthen it. An address a user signed in from before is trusted for
 * them: their account's lock does not apply there (only that address's own), so an attacker guessing from elsewhere
 * cannot keep a real user out. Failures are kept a day after the last one, a trusted address {@code trustFor}, in
 * {@link LoginFailures} (in memory, or on Redis for every instance); nothing is logged with the address.
 */
final class LoginAttempts {

    /** Why a try is refused now, and until when. */
    record Lock(Instant until) {
    }

    private final Clock clock;
    private final LoginFailures failures;
    private final Backoff perAccount;
    private final Backoff perAddress;

    LoginAttempts(ConsoleProperties properties, Clock clock, LoginFailures failures) {
        this.clock = clock;
        this.failures = failures;
        this.perAccount = new Backoff(properties.maxFailures(), properties.lockBase(), properties.lockMax());
        this.perAddress = new Backoff(properties.maxFailuresPerAddress(), properties.lockBase(), properties.lockMax());
    }

    /** The lock that refuses this try now; empty when it may go ahead. */
    Mono<Lock> check(String account, String address) {
        Instant now = clock.instant();
        return lock(Scope.ADDRESS, address, now)
                .switchIfEmpty(Mono.defer(() -> failures.trusted(key(account), address)
                        .flatMap(trusted -> trusted ? Mono.<Lock>empty() : lock(Scope.ACCOUNT, key(account), now))));
    }

    /** Whole seconds until the lock ends, at least 1. */
    long secondsLeft(Lock lock) {
        long millis = Duration.between(clock.instant(), lock.until()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    Mono<Void> failed(String account, String address) {
        Instant now = clock.instant();
        return failures.failed(Scope.ADDRESS, address, perAddress, now)
                .then(failures.trusted(key(account), address))
                .flatMap(trusted -> trusted ? Mono.empty()
                        : failures.failed(Scope.ACCOUNT, key(account), perAccount, now))
                .then();
    }

    Mono<Void> succeeded(String account, String address) {
        return failures.clear(Scope.ACCOUNT, key(account))
                .then(failures.clear(Scope.ADDRESS, address))
                .then(failures.trust(key(account), address));
    }

    private Mono<Lock> lock(Scope scope, String key, Instant now) {
        return failures.failures(scope, key).filter(f -> f.lockedAt(now)).map(Failures::lockedUntil).map(Lock::new);
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
