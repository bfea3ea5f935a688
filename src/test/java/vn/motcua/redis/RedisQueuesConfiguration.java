package vn.motcua.redis;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import vn.motcua.inbox.InboxQueue;
import vn.motcua.inbox.RedisInboxQueues;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.RedisOutboxes;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;

/**
 * Test wiring only, for this branch: the whole service on the in-memory store except the inbox and the outbox, which
 * are the Redis Streams adapters (primary over the in-memory ones), plus the Redis readiness indicator. It lets a
 * context-level test run the real message path on Redis before every other port has its Redis adapter; with all of
 * them, {@code RedisTestSupport.properties(prefix)} ({@code MOTCUA_STORE=redis}) replaces it.
 *
 * <p>Takes the usual {@code motcua.redis.*} settings ({@link #properties(String, String)} gives a test's).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RedisQueuesConfiguration {

    /** A test's Redis settings: its URL and prefix, takeover after 2 s, polling every 20 ms. */
    public static java.util.Map<String, String> properties(String url, String prefix) {
        return java.util.Map.of("motcua.redis.url", url, "motcua.redis.prefix", prefix,
                "motcua.redis.claim-after", "PT2S", "motcua.redis.poll-interval", "PT0.02S");
    }

    @Bean
    LettuceConnectionFactory testRedisConnectionFactory(RedisStoreProperties properties) {
        // The service's own connection settings: commands rejected at once while Redis is away, reconnect by itself.
        return new RedisConfiguration().redisConnectionFactory(properties);
    }

    @Bean
    ReactiveStringRedisTemplate testRedisTemplate(LettuceConnectionFactory factory) {
        return new ReactiveStringRedisTemplate(factory);
    }

    @Bean
    RedisKeys testRedisKeys(RedisStoreProperties properties) {
        return new RedisKeys(properties.prefix());
    }

    @Bean
    @Primary
    InboxQueue redisInboxQueue(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                               TextSealer sealer, PseudonymousIds ids) {
        return RedisInboxQueues.create(redis, keys, properties, sealer, ids);
    }

    @Bean
    @Primary
    Outbox redisOutbox(ReactiveStringRedisTemplate redis, RedisKeys keys, RedisStoreProperties properties,
                       TextSealer sealer) {
        return RedisOutboxes.create(redis, keys, properties, sealer);
    }

    @Bean
    RedisStoreHealthIndicator redisStoreHealthIndicator(ReactiveStringRedisTemplate redis) {
        return new RedisStoreHealthIndicator(redis);
    }
}
