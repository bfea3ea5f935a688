package vn.motcua.redis;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The {@code redisStore} component of {@code /actuator/health}, and of its readiness group only
 * ({@code /actuator/health/readiness}): DOWN while Redis does not answer PING, so a load balancer sends no traffic to
 * an instance that cannot hold a message, while liveness stays UP (restarting would not bring Redis back). Only with
 * {@code MOTCUA_STORE=redis}.
 */
@Component("redisStoreHealthIndicator")
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisStoreHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveStringRedisTemplate redis;

    RedisStoreHealthIndicator(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        return redis.execute(connection -> connection.ping()).next()
                .timeout(TIMEOUT)
                .map(pong -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("reason", "Redis does not answer (" + e.getClass().getSimpleName() + ")")
                        .build()))
                .defaultIfEmpty(Health.down().withDetail("reason", "Redis gave no answer").build());
    }
}
