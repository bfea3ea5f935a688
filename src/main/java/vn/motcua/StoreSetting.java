package vn.motcua;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Checks {@code motcua.store} ({@code MOTCUA_STORE}) before any bean is made. Every store adapter is switched on by
 * this one value, so an unknown one used to leave the service without a store and stop start-up with a stack trace
 * about a missing bean; now it stops with one line that says which values are accepted.
 */
class StoreSetting implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY = "motcua.store";

    /** The stores whose adapters exist (DESIGN §4). */
    static final Set<String> ACCEPTED = Set.of("memory", "redis");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String store = context.getEnvironment().getProperty(PROPERTY, "memory");
        check(store);
        if ("redis".equalsIgnoreCase(store)) {
            Binder binder = Binder.get(context.getEnvironment());
            checkTimings(binder.bind("motcua.redis.claim-after", Duration.class).orElse(Duration.ofMinutes(2)),
                    binder.bind("motcua.lock.ttl", Duration.class).orElse(Duration.ofSeconds(30)));
        }
    }

    /**
     * An entry is taken over from a dead instance only after its conversation's lease has surely expired: otherwise
     * the new worker would wait for a lock nobody releases, and a lease still being extended would mean the
     * instance is alive after all.
     */
    static void checkTimings(Duration claimAfter, Duration lockTtl) {
        if (claimAfter.compareTo(lockTtl) <= 0) {
            throw new UnknownStoreException(String.format(
                    "MOTCUA_REDIS_CLAIM_AFTER (%s) must be longer than MOTCUA_LOCK_TTL (%s)", claimAfter, lockTtl));
        }
    }

    static void check(String value) {
        // Matched like the adapters' @ConditionalOnProperty: ignoring case, nothing else.
        if (ACCEPTED.contains(value.toLowerCase(Locale.ROOT))) {
            return;
        }
        throw new UnknownStoreException(String.format("MOTCUA_STORE (%s) is \"%s\"; accepted values: %s",
                PROPERTY, value, String.join(", ", new TreeSet<>(ACCEPTED))));
    }

    /** The store setting names no store this build has, or its timings cannot work together. */
    static final class UnknownStoreException extends IllegalStateException {

        UnknownStoreException(String message) {
            super(message);
        }
    }
}
