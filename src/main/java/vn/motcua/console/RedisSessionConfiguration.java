package vn.motcua.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

import vn.motcua.redis.RedisStoreProperties;

/**
 * With {@code MOTCUA_STORE=redis}, the console's sign-in sessions are kept in Redis by Spring Session, so that a
 * caseworker signed in on one instance stays signed in on every other one behind the load balancer. Each session is a
 * hash under {@code <prefix>console-session:sessions:<id>} (the security context: the caseworker's name and roles, and
 * when they signed in), expiring after {@code MOTCUA_SESSION_IDLE} without a request, as the in-memory sessions do.
 * The cookie stays Boot's ({@code server.reactive.session.cookie}: {@code MOTCUA_SESSION}, HttpOnly, SameSite=Strict):
 * Spring Session's session manager uses the {@code WebSessionIdResolver} Boot makes from those settings. The
 * connection is {@link vn.motcua.redis.RedisConfiguration}'s. With the memory store nothing of this is made and
 * WebFlux keeps its own in-memory sessions (no Spring Boot session auto-configuration is on the class path).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
@EnableRedisWebSession
class RedisSessionConfiguration {

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> consoleSessionsUnderThePrefix(
            RedisStoreProperties redis, ServerProperties server) {
        return repository -> {
            repository.setRedisKeyNamespace(redis.prefix() + "console-session");
            repository.setDefaultMaxInactiveInterval(server.getReactive().getSession().getTimeout());
        };
    }
}
