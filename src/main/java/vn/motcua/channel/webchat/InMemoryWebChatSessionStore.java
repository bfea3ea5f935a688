package vn.motcua.channel.webchat;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/** Sessions in a Caffeine cache: each expires after the idle time, and the oldest go first beyond the bound. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryWebChatSessionStore implements WebChatSessionStore {

    private final Cache<String, Instant> sessions;

    @Autowired
    InMemoryWebChatSessionStore(WebChatProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    InMemoryWebChatSessionStore(WebChatProperties properties, Ticker ticker) {
        this.sessions = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(properties.sessionIdle())
                .maximumSize(properties.maxSessions())
                .build();
    }

    @Override
    public Mono<Void> open(String sessionId) {
        return Mono.fromRunnable(() -> sessions.put(sessionId, Instant.now()));
    }

    @Override
    public Mono<Boolean> touch(String sessionId) {
        return Mono.fromSupplier(() -> sessions.getIfPresent(sessionId) != null);
    }

    @Override
    public Mono<Void> close(String sessionId) {
        return Mono.fromRunnable(() -> sessions.invalidate(sessionId));
    }
}
