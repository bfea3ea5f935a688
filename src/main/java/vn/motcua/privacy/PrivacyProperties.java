package vn.motcua.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every room. Each value comes from an environment variable (see application.yml).
 *
 * @param secret    server secret for pseudonymous ids and stored-text encryption; blank means "generate one per start"
 * @param retention how long a quiet conversation is kept before it expires
 */
@ConfigurationProperties("motcua")
public record PrivacyProperties(String secret, Duration retention) {

    public PrivacyProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
    }
}
