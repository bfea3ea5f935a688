package vn.motcua.redis;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * One test's part of the test Redis: a prefix, keys named under it, a template, and {@link #close()} that deletes
 * only the keys under that prefix (found by SCAN).
 */
public record RedisScope(String prefix, RedisKeys keys, LettuceConnectionFactory factory,
                         ReactiveStringRedisTemplate template) implements AutoCloseable {

    /** Every key under this scope's prefix, found by SCAN (never KEYS). */
    public List<String> allKeys() {
        return template.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())
                .collectList().block(Duration.ofSeconds(30));
    }

    public RedisStoreProperties properties() {
        return new RedisStoreProperties(RedisTestSupport.url(), prefix, false, Duration.ofSeconds(2),
                Duration.ofMillis(20), 100_000);
    }

    @Override
    public void close() {
        List<String> keys = allKeys();
        if (!keys.isEmpty()) {
            template.delete(keys.toArray(String[]::new)).block(Duration.ofSeconds(30));
        }
        factory.destroy();
    }
}
