package vn.motcua.console;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * What the sign-in lockout ({@link LoginAttempts}) remembers: failed sign-ins in a row, per account and per address,
 * with the time until which the next try must wait, and the addresses each user signed in from. In process memory
 * ({@link InMemoryLoginFailures}), or on Redis ({@link RedisLoginFailures}) so that every instance counts the same
 * failures. Failures are forgotten a day after the last one; a trusted address after {@code trustFor}.
 */
interface LoginFailures {

    /** How long failures are kept after the last one. */
    Duration KEPT = Duration.ofDays(1);

    /** What the failures are counted against. */
    enum Scope { ACCOUNT, ADDRESS }

    /** Failures in a row, and until when the next try is refused (null: not locked). */
    record Failures(int count, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /**
     * The back-off: from the {@code allowed}-th failure in a row on, each further try waits {@code base}, doubling
     * with every failure, never longer than {@code max}.
     */
    record Backoff(int allowed, Duration base, Duration max) {

        /** Until when the {@code count}-th failure in a row, at {@code now}, locks (null: not yet). */
        Instant lockedUntil(int count, Instant now) {
            if (count < allowed) {
                return null;
            }
            int doublings = Math.min(count - allowed, 20);
            Duration wait = base.multipliedBy(1L << doublings);
            return now.plus(wait.compareTo(max) > 0 ? max : wait);
        }
    }

    /** The failures counted against {@code key}; empty when there are none. */
    Mono<Failures> failures(Scope scope, String key);

    /** Counts one more failure against {@code key} at {@code now}, atomically, and returns the new count and lock. */
    Mono<Failures> failed(Scope scope, String key, Backoff backoff, Instant now);

    /** Forgets the failures counted against {@code key}. */
    Mono<Void> clear(Scope scope, String key);

    /** {@code account} signed in from {@code address}: trusted there for {@code motcua.console.trust-for}. */
    Mono<Void> trust(String account, String address);

    Mono<Boolean> trusted(String account, String address);
}
