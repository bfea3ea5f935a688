package vn.motcua.channel.webchat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Sessions in memory, least recently used first (a {@link LinkedHashMap} in access order under one lock). Each expires
 * after the idle time. At the size bound, a new session may take the place of the least recently used one only if
 * that one has been unused for {@code evictAfterIdle}; otherwise the new one is refused with {@link Full}. (A size-
 * bounded cache evicted by its own policy, as before, dropped sessions of people who had just opened them.) Every
 * session that ends is reported to the {@link Ended} listeners, so that its streams and rate limit go with it.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryWebChatSessionStore implements WebChatSessionStore {

    /** At most this many expired sessions are dropped per call, so no single request pays for a long sweep. */
    private static final int SWEEP = 64;

    private final LinkedHashMap<String, Long> lastUse = new LinkedHashMap<>(1024, 0.75f, true);
    private final Ticker ticker;
    private final long idleNanos;
    private final long evictableNanos;
    private final int maxSessions;
    private final List<Ended> listeners;

    @Autowired
    InMemoryWebChatSessionStore(WebChatProperties properties, List<Ended> listeners) {
        this(properties, Ticker.systemTicker(), listeners);
    }

    InMemoryWebChatSessionStore(WebChatProperties properties) {
        this(properties, Ticker.systemTicker(), List.of());
    }

    InMemoryWebChatSessionStore(WebChatProperties properties, Ticker ticker) {
        this(properties, ticker, List.of());
    }

    InMemoryWebChatSessionStore(WebChatProperties properties, Ticker ticker, List<Ended> listeners) {
        this.ticker = ticker;
        this.idleNanos = properties.sessionIdle().toNanos();
        this.evictableNanos = Math.min(properties.evictAfterIdle().toNanos(), idleNanos);
        this.maxSessions = properties.maxSessions();
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public Mono<Void> open(String sessionId) {
        return Mono.fromRunnable(() -> {
            List<String> ended = new ArrayList<>();
            try {
                synchronized (lastUse) {
                    long now = ticker.read();
                    dropExpired(now, ended);
                    if (lastUse.size() >= maxSessions && !lastUse.containsKey(sessionId)) {
                        Iterator<Map.Entry<String, Long>> eldest = lastUse.entrySet().iterator();
                        Map.Entry<String, Long> candidate = eldest.next();
                        if (now - candidate.getValue() < evictableNanos) {
                            throw new Full();
                        }
                        eldest.remove();
                        ended.add(candidate.getKey());
                    }
                    lastUse.put(sessionId, now);
                }
            } finally {
                ended.forEach(this::ended);
            }
        });
    }

    @Override
    public Mono<Boolean> touch(String sessionId) {
        return Mono.fromSupplier(() -> {
            List<String> ended = new ArrayList<>();
            boolean open;
            synchronized (lastUse) {
                long now = ticker.read();
                dropExpired(now, ended);
                Long at = lastUse.get(sessionId);
                if (at == null) {
                    open = false;
                } else if (now - at >= idleNanos) {
                    lastUse.remove(sessionId);
                    ended.add(sessionId);
                    open = false;
                } else {
                    lastUse.put(sessionId, now);
                    open = true;
                }
            }
            ended.forEach(this::ended);
            return open;
        });
    }

    @Override
    public Mono<Void> close(String sessionId) {
        return Mono.fromRunnable(() -> {
            boolean held;
            synchronized (lastUse) {
                held = lastUse.remove(sessionId) != null;
            }
            if (held) {
                ended(sessionId);
            }
        });
    }

    /** How many sessions are held (for tests and the gauge). */
    int size() {
        synchronized (lastUse) {
            return lastUse.size();
        }
    }

    private void dropExpired(long now, List<String> ended) {
        Iterator<Map.Entry<String, Long>> oldest = lastUse.entrySet().iterator();
        for (int i = 0; i < SWEEP && oldest.hasNext(); i++) {
            Map.Entry<String, Long> entry = oldest.next();
            if (now - entry.getValue() < idleNanos) {
                return;
            }
            oldest.remove();
            ended.add(entry.getKey());
        }
    }

    private void ended(String sessionId) {
        for (Ended listener : listeners) {
            listener.sessionEnded(sessionId);
        }
    }
}
