package vn.motcua.channel.zalo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The token pair in process memory, seeded from the configuration. A configured access token is trusted for at most
 * its full lifetime (25 h) from start-up; when Zalo says earlier that it expired, it is refreshed then.
 */
@Component
@Conditional(ZaloEnabled.class)
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryZaloTokenStore implements ZaloTokenStore {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(25);

    private final AtomicReference<ZaloTokens> tokens;

    InMemoryZaloTokenStore(ZaloProperties properties) {
        String access = blankToNull(properties.accessToken());
        Instant expires = access == null ? Instant.EPOCH : Instant.now().plus(ACCESS_TOKEN_LIFETIME);
        this.tokens = new AtomicReference<>(new ZaloTokens(access, blankToNull(properties.refreshToken()), expires));
    }

    @Override
    public Mono<ZaloTokens> current() {
        return Mono.fromSupplier(tokens::get);
    }

    @Override
    public Mono<Void> replace(ZaloTokens next) {
        return Mono.fromRunnable(() -> tokens.set(next));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
