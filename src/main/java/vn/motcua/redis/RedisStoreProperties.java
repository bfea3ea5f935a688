package vn.motcua.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Redis store is reached and named ({@code MOTCUA_STORE=redis}).
 *
 * @param url         {@code REDIS_URL}: {@code redis://}, {@code rediss://} (TLS) or {@code redis-sentinel://} (see
 *                    docs/architecture.md, "Redis Cluster and Sentinel")
 * @param prefix      {@code MOTCUA_REDIS_PREFIX}: put before every key, so that several deployments (or tests) share
 *                    one Redis without touching each other's keys
 * @param cluster     {@code MOTCUA_REDIS_CLUSTER}: the URL names a seed node of a Redis Cluster
 * @param claimAfter  {@code MOTCUA_REDIS_CLAIM_AFTER}: how long a stream entry may stay unacknowledged by a consumer
 *                    that stopped answering before another instance takes it over
 * @param pollInterval how often a worker asks its streams for new entries when they were empty
 * @param streamMaxLength the approximate length a stream is trimmed to (XADD MAXLEN ~)
 */
@ConfigurationProperties(prefix = "motcua.redis")
public record RedisStoreProperties(
        @DefaultValue("redis://127.0.0.1:6379") String url,
        @DefaultValue("motcua:") String prefix,
        @DefaultValue("false") boolean cluster,
        @DefaultValue("PT2M") Duration claimAfter,
        @DefaultValue("PT0.1S") Duration pollInterval,
        @DefaultValue("100000") long streamMaxLength) {

    public RedisStoreProperties {
        if (prefix.contains("{") || prefix.contains("}")) {
            // A brace in the prefix would become the hash tag of every key and put them all in one Cluster slot.
            throw new IllegalArgumentException("MOTCUA_REDIS_PREFIX may not contain { or }");
        }
    }
}
