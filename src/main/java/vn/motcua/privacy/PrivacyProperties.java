package vn.motcua.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings shared by every room. Each value comes from an environment variable (see application.yml).
 *
 * @param secret              server secret for pseudonymous ids; blank means "generate one per start"
 * @param retention           how long a quiet conversation (its transcript, reply address and case file) is kept
 * @param dataKey             {@code MOTCUA_DATA_KEY}: the AES keys of stored text, {@code id:base64(32 bytes)[,id2:…]};
 *                            the first seals, every one opens. Blank: a key derived from the secret (development)
 * @param caseRetention       how long a closed case (its outcome and referrals, no message text) is kept
 * @param subscriberRetention how long an opt-in to awareness messages is kept after it was given
 */
@ConfigurationProperties("motcua")
public record PrivacyProperties(String secret, Duration retention, String dataKey, Duration caseRetention,
                                Duration subscriberRetention) {

    @ConstructorBinding
    public PrivacyProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
        caseRetention = caseRetention == null ? Duration.ofDays(90) : caseRetention;
        subscriberRetention = subscriberRetention == null ? Duration.ofDays(90) : subscriberRetention;
    }

    /** The secret and the retention only; every other value at its default. */
    public PrivacyProperties(String secret, Duration retention) {
        this(secret, retention, null, null, null);
    }

    @Override
    public String toString() {
        return "PrivacyProperties[retention=" + retention + ", caseRetention=" + caseRetention
                + ", subscriberRetention=" + subscriberRetention + "]";
    }
}
