package vn.motcua;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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
        check(context.getEnvironment().getProperty(PROPERTY, "memory"));
    }

    static void check(String value) {
        // Matched like the adapters' @ConditionalOnProperty: ignoring case, nothing else.
        if (ACCEPTED.contains(value.toLowerCase(Locale.ROOT))) {
            return;
        }
        throw new UnknownStoreException(String.format("MOTCUA_STORE (%s) is \"%s\"; accepted values: %s",
                PROPERTY, value, String.join(", ", new TreeSet<>(ACCEPTED))));
    }

    /** The store setting names no store this build has. */
    static final class UnknownStoreException extends IllegalStateException {

        UnknownStoreException(String message) {
            super(message);
        }
    }
}
