package vn.motcua.redis;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

/**
 * The Redis connection, made only with {@code MOTCUA_STORE=redis}: with the memory store there is no Redis client at
 * all (Boot's own Redis auto-configuration is not on the class path: only Spring Data Redis and Lettuce are).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
public class RedisConfiguration {

    /** A command that gets no answer in this long fails, so a stalled Redis shows as "down" instead of a hang. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    RedisKeys redisKeys(RedisStoreProperties properties) {
        return new RedisKeys(properties.prefix());
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisStoreProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(COMMAND_TIMEOUT)
                .clientOptions(ClientOptions.builder()
                        // Commands issued while Redis is away fail at once rather than queue without bound.
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .autoReconnect(true)
                        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                        .build());
        if (uri.isSsl()) {
            client.useSsl();
        }
        LettuceConnectionFactory factory;
        if (properties.cluster()) {
            RedisClusterConfiguration cluster = new RedisClusterConfiguration();
            cluster.clusterNode(uri.getHost(), uri.getPort());
            if (uri.getUsername() != null) {
                cluster.setUsername(uri.getUsername());
            }
            if (uri.getPassword() != null) {
                cluster.setPassword(uri.getPassword());
            }
            factory = new LettuceConnectionFactory(cluster, client.build());
        } else {
            factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
        }
        // Connect on first use, so that start-up does not fail while Redis is briefly away (readiness says so).
        factory.setEagerInitialization(false);
        return factory;
    }

    @Bean
    ReactiveStringRedisTemplate reactiveStringRedisTemplate(LettuceConnectionFactory factory) {
        return new ReactiveStringRedisTemplate(factory);
    }
}
