package vn.motcua.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbox settings.
 *
 * @param dedupeWindow how long an event id is remembered (platforms retry for up to about a day)
 * @param concurrency  how many people's turns may run at once; one person's turns always run one at a time
 * @param maxBacklog   ordinary messages kept waiting per person; past it the oldest is dropped (counted), so one
 *                     flood cannot fill memory. Crisis messages are never dropped.
 * @param maxAttempts  how many times a turn is tried before the event is set aside as dead
 */
@ConfigurationProperties("motcua.inbox")
public record InboxProperties(Duration dedupeWindow, int concurrency, int maxBacklog, int maxAttempts) {

    public InboxProperties {
        dedupeWindow = dedupeWindow != null ? dedupeWindow : Duration.ofHours(24);
        concurrency = concurrency > 0 ? concurrency : 64;
        maxBacklog = maxBacklog > 0 ? maxBacklog : 50;
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
    }
}
