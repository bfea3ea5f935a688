package vn.motcua.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console sign-in settings (README, configuration table).
 *
 * @param users         {@code name:{id}encoded:ROLE|ROLE}, comma-separated ({@code MOTCUA_USERS}); blank: one
 *                      {@code admin}
 * @param adminPassword the password of that {@code admin} ({@code MOTCUA_ADMIN_PASSWORD}); blank: random, printed once
 * @param sessionMaxAge a session ends this long after sign-in, however active (the inactivity timeout is
 *                      {@code server.reactive.session.timeout}, {@code MOTCUA_SESSION_IDLE})
 * @param maxFailures   failed sign-ins in a row on one account before each next try must wait
 * @param maxFailuresPerAddress failed sign-ins in a row from one address (any account) before its next try must
 *                      wait; higher, since an office shares one address
 * @param lockBase      the first wait; it doubles with each further failure
 * @param lockMax       the longest wait, so that a lock always ends
 * @param trustFor      an address a user signed in from is trusted this long: their account's lock does not apply
 *                      there, so an attacker elsewhere cannot lock them out
 */
@ConfigurationProperties("motcua.console")
public record ConsoleProperties(String users, String adminPassword, Duration sessionMaxAge, int maxFailures,
                                int maxFailuresPerAddress, Duration lockBase, Duration lockMax, Duration trustFor) {

    public ConsoleProperties {
        sessionMaxAge = positiveOr(sessionMaxAge, Duration.ofHours(12));
        maxFailures = maxFailures > 0 ? maxFailures : 5;
        maxFailuresPerAddress = maxFailuresPerAddress > 0 ? maxFailuresPerAddress : 20;
        lockBase = positiveOr(lockBase, Duration.ofSeconds(30));
        lockMax = positiveOr(lockMax, Duration.ofMinutes(15));
        trustFor = positiveOr(trustFor, Duration.ofDays(30));
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
