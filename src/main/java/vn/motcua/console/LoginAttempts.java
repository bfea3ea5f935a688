package vn.motcua.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins, per account and per address, with a back-off: after {@code maxFailures} in a row on an account
 * ({@code maxFailuresPerAddress} from an address) each further
 * try must wait {@code lockBase}, doubling with every failure, up to {@code lockMax}, so every lock ends. Tries refused
 * while locked do not count, so they cannot lengthen it. An address a user signed in from before is trusted for
 * them: their account's lock does not apply there (only that address's own), so an attacker guessing from elsewhere
 * cannot keep a real user out. Nothing here is stored beyond a day, and nothing is logged with the address.
 */
final class LoginAttempts {

    /** Why a try is refused now, and until when. */
    record Lock(Instant until) {
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final ConsoleProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;
    private final Cache<String, Instant> trusted;

    LoginAttempts(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(1, TimeUnit.DAYS).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(1, TimeUnit.DAYS).build();
        this.trusted = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.trustFor().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** The lock that refuses this try now, or null when it may go ahead. */
    Lock check(String account, String address) {
        Instant now = clock.instant();
        Failures byAddress = addresses.getIfPresent(address);
        if (locked(byAddress, now)) {
            return new Lock(byAddress.lockedUntil());
        }
        if (isTrusted(account, address)) {
            return null;
        }
        Failures byAccount = accounts.getIfPresent(key(account));
        return locked(byAccount, now) ? new Lock(byAccount.lockedUntil()) : null;
    }

    /** Whole seconds until the lock ends, at least 1. */
    long secondsLeft(Lock lock) {
        long millis = Duration.between(clock.instant(), lock.until()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        addresses.asMap().compute(address, (k, f) -> next(f, now, properties.maxFailuresPerAddress()));
        if (!isTrusted(account, address)) {
            accounts.asMap().compute(key(account), (k, f) -> next(f, now, properties.maxFailures()));
        }
    }

    void succeeded(String account, String address) {
        accounts.invalidate(key(account));
        addresses.invalidate(address);
        trusted.put(key(account) + "|" + address, clock.instant());
    }

    private boolean isTrusted(String account, String address) {
        return trusted.getIfPresent(key(account) + "|" + address) != null;
    }

    private Failures next(Failures before, Instant now, int allowed) {
        int count = before == null ? 1 : before.count() + 1;
        Instant until = null;
        if (count >= allowed) {
            int doublings = Math.min(count - allowed, 20);
            Duration wait = properties.lockBase().multipliedBy(1L << doublings);
            until = now.plus(wait.compareTo(properties.lockMax()) > 0 ? properties.lockMax() : wait);
        }
        return new Failures(count, until);
    }

    private static boolean locked(Failures failures, Instant now) {
        return failures != null && failures.lockedUntil() != null && failures.lockedUntil().isAfter(now);
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
