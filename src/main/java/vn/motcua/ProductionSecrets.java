package vn.motcua;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import vn.motcua.privacy.DataKeys;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;

/**
 * With the {@code prod} profile, start-up stops before any bean is made when a secret the service needs is missing
 * or too weak, with one line naming every one of them (never a value). In development the service makes what is
 * missing and says so in the log; in production that would mean a random HMAC key, text sealed under a key derived
 * from it, a console password printed to the log, or a channel switched on that cannot check signatures.
 */
class ProductionSecrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROFILE = "prod";
    static final int MIN_SECRET_CHARS = 32;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> missing = missing(env::getProperty);
        if (!missing.isEmpty()) {
            throw new MissingSecretsException("The prod profile needs these secrets, missing or too weak: "
                    + String.join("; ", missing));
        }
    }

    /** What a {@code prod} start lacks, as the environment variables to set. */
    static List<String> missing(java.util.function.Function<String, String> property) {
        List<String> missing = new ArrayList<>();
        String secret = property.apply("motcua.secret");
        if (blank(secret)) {
            missing.add("MOTCUA_SECRET (at least " + MIN_SECRET_CHARS + " characters)");
        } else if (secret.strip().length() < MIN_SECRET_CHARS) {
            missing.add("MOTCUA_SECRET is shorter than " + MIN_SECRET_CHARS + " characters");
        }
        String dataKey = property.apply("motcua.data-key");
        if (blank(dataKey)) {
            missing.add("MOTCUA_DATA_KEY (id:base64 of 32 random bytes, e.g. k1:$(openssl rand -base64 32))");
        } else {
            try {
                DataKeys.parse(dataKey, new ServerSecret(new PrivacyProperties(blank(secret) ? "-" : secret, null)));
            } catch (DataKeys.InvalidDataKeyException e) {
                missing.add(e.getMessage());
            }
        }
        if (blank(property.apply("motcua.console.users")) && blank(property.apply("motcua.console.admin-password"))) {
            missing.add("MOTCUA_USERS (or MOTCUA_ADMIN_PASSWORD): the console would print a generated password");
        }
        // A channel is switched on by any of its settings; then it needs all of them.
        requireAll(property, missing, "Messenger",
                new String[] {"motcua.messenger.app-secret", "MESSENGER_APP_SECRET"},
                new String[] {"motcua.messenger.page-token", "MESSENGER_PAGE_TOKEN"},
                new String[] {"motcua.messenger.verify-token", "MESSENGER_VERIFY_TOKEN"});
        requireAll(property, missing, "Zalo",
                new String[] {"motcua.zalo.app-id", "ZALO_APP_ID"},
                new String[] {"motcua.zalo.oa-secret-key", "ZALO_OA_SECRET_KEY"},
                new String[] {"motcua.zalo.app-secret", "ZALO_APP_SECRET"},
                new String[] {"motcua.zalo.refresh-token", "ZALO_REFRESH_TOKEN"});
        return missing;
    }

    private static void requireAll(java.util.function.Function<String, String> property, List<String> missing,
                                   String channel, String[]... settings) {
        List<String> absent = new ArrayList<>();
        boolean on = false;
        for (String[] setting : settings) {
            if (blank(property.apply(setting[0]))) {
                absent.add(setting[1]);
            } else {
                on = true;
            }
        }
        if (on && !absent.isEmpty()) {
            missing.add(String.join(", ", absent) + " (" + channel + " is switched on by its other settings)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A secret the prod profile needs is missing or too weak. */
    static final class MissingSecretsException extends IllegalStateException {

        MissingSecretsException(String message) {
            super(message);
        }
    }
}
