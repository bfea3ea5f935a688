package vn.motcua.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbox settings.
 *
 * @param dedupeWindow how long an event id is remembered (platforms retry for up to about a day)
 * @param lanes        how many conversations may be handled at once; one conversation always uses one lane
 * @param maxAttempts  how many times a turn is tried before the event is set aside as dead
 */
@ConfigurationProperties("motcua.inbox")
public record InboxProperties(Duration dedupeWindow, int lanes, int maxAttempts) {

    public InboxProperties {
        dedupeWindow = dedupeWindow != null ? dedupeWindow : Duration.ofHours(24);
        lanes = lanes > 0 ? lanes : 64;
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
    }
}
