package vn.motcua.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox settings.
 *
 * @param concurrency how many people may be sent to at once on each channel; one person's messages always go one
 *                    at a time, in order. Each channel has its own, so a slow platform never holds up another.
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(int concurrency) {

    public OutboxProperties {
        concurrency = concurrency > 0 ? concurrency : 256;
    }
}
