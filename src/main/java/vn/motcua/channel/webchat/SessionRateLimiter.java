package vn.motcua.channel.webchat;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Limits how many sessions one client address may open (MOTCUA_WEBCHAT_SESSIONS_PER_ADDRESS per
 * MOTCUA_WEBCHAT_SESSION_RATE_PERIOD, a token bucket). The address is the connection's, or, only when
 * {@code SERVER_FORWARD_HEADERS_STRATEGY} is set (behind a proxy), the one the proxy forwarded: otherwise anyone could
 * name a new address in {@code X-Forwarded-For} for every request. Addresses are held only in memory, for the period.
 */
@Component
class SessionRateLimiter {

    /** Most addresses remembered; beyond, the least recently seen is forgotten (its limit starts afresh). */
    private static final int MAX_ADDRESSES = 200_000;

    private final int capacity;
    private final long periodNanos;
    private final LongSupplier clock;
    private final Cache<String, TokenBucket> buckets;

    @Autowired
    SessionRateLimiter(WebChatProperties properties) {
        this(properties, System::nanoTime);
    }

    SessionRateLimiter(WebChatProperties properties, LongSupplier nanoClock) {
        this.capacity = properties.sessionsPerAddress();
        this.periodNanos = properties.sessionRatePeriod().toNanos();
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.sessionRatePeriod())
                .maximumSize(MAX_ADDRESSES).build();
    }

    /** @return zero when the address may open a session now, otherwise how long until it may */
    Duration tryAcquire(ServerHttpRequest request) {
        String address = address(request);
        long now = clock.getAsLong();
        return Duration.ofNanos(buckets.get(address, a -> new TokenBucket(capacity, periodNanos, now)).tryTake(now));
    }

    static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        if (remote.getAddress() instanceof Inet6Address v6) {
            // One IPv6 subscriber usually holds a whole /64: it counts as one address.
            byte[] bytes = v6.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
