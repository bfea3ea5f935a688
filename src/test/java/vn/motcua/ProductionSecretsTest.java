package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator who starts the prod profile without its secrets is told, in one line, which ones; never their values. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSecretsTest {

    private static final String KEY = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theProdProfileWithoutSecretsStopsWithOneLineNamingEachMissingSecret(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(MotcuaApplication.class, "--spring.profiles.active=prod",
                "--server.port=0", "--MOTCUA_SECRET=short-one", "--MESSENGER_PAGE_TOKEN=page-token-value").close())
                .isInstanceOf(ProductionSecrets.MissingSecretsException.class);

        String line = "The prod profile needs these secrets, missing or too weak: MOTCUA_SECRET is shorter than 32 "
                + "characters; MOTCUA_DATA_KEY (id:base64 of 32 random bytes, e.g. k1:$(openssl rand -base64 32)); "
                + "MOTCUA_USERS (or MOTCUA_ADMIN_PASSWORD): the console would print a generated password; "
                + "MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN (Messenger is switched on by its other settings)";
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:" + System.lineSeparator()
                + System.lineSeparator() + line + System.lineSeparator());
        assertThat(output.getAll()).doesNotContain("short-one", "page-token-value", "\tat ");
    }

    @Test
    void aMalformedDataKeyStopsAnyStartWithOneLineThatNeverRepeatsTheKey(CapturedOutput output) {
        String bad = "k1:" + java.util.Base64.getEncoder().encodeToString("sixteen-bytes-ok".getBytes());
        assertThatThrownBy(() -> SpringApplication.run(MotcuaApplication.class, "--server.port=0",
                "--MOTCUA_DATA_KEY=" + bad).close()).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "MOTCUA_DATA_KEY: the key 'k1' is 16 bytes; it must be 32 (openssl rand -base64 32)");
        assertThat(output.getAll()).doesNotContain(bad.substring(3));
    }

    @Test
    void eachChannelThatIsSwitchedOnNeedsAllItsSecretsAndNothingIsMissingWhenAllAreSet() {
        Map<String, String> all = new HashMap<>(Map.of("motcua.secret", "x".repeat(32), "motcua.data-key", KEY,
                "motcua.console.users", "lan:{noop}pw:CASEWORKER"));
        assertThat(ProductionSecrets.missing(all::get)).as("no channel switched on").isEmpty();

        all.put("motcua.zalo.app-id", "123");
        assertThat(ProductionSecrets.missing(all::get)).containsExactly("ZALO_OA_SECRET_KEY, ZALO_APP_SECRET, "
                + "ZALO_REFRESH_TOKEN (Zalo is switched on by its other settings)");
        all.putAll(Map.of("motcua.zalo.oa-secret-key", "s", "motcua.zalo.app-secret", "s",
                "motcua.zalo.refresh-token", "t", "motcua.messenger.app-secret", "a", "motcua.messenger.page-token",
                "p", "motcua.messenger.verify-token", "v"));
        assertThat(ProductionSecrets.missing(all::get)).isEmpty();

        all.remove("motcua.console.users");
        all.put("motcua.console.admin-password", "a-long-admin-password");
        assertThat(ProductionSecrets.missing(all::get)).as("an admin password instead of users").isEmpty();
    }
}
