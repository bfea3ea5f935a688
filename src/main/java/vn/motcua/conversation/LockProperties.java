package vn.motcua.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conversation lock settings.
 *
 * @param ttl  how long a lease lasts if its holder never gives it back (a crash); a turn takes milliseconds, since
 *             nothing slow runs under the lock
 * @param maxWait how long a writer waits for a held conversation before giving up and trying again later
 */
@ConfigurationProperties("motcua.lock")
public record LockProperties(Duration ttl, Duration maxWait) {

    public LockProperties {
        ttl = ttl != null ? ttl : Duration.ofSeconds(30);
        maxWait = maxWait != null ? maxWait : Duration.ofSeconds(10);
    }
}
