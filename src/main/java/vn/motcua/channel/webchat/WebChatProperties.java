package vn.motcua.channel.webchat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web chat settings, from MOTCUA_WEBCHAT_* environment variables (README, configuration table). The web chat is on
 * with no configuration at all: every value has a default.
 *
 * @param exitUrl        where "Thoát nhanh" and the Escape key send the browser: a neutral page
 * @param allowedOrigins partner sites (scheme://host[:port]) that may call the API (CORS) and frame the widget
 * @param maxTextChars   longest message a person may send, in characters
 * @param rateLimit      messages a session may send per {@code ratePeriod} (token bucket of that size)
 * @param sessionIdle    a session nobody uses (no message, no open stream) for this long is forgotten
 * @param maxSessions    most sessions held at once, so that creating sessions cannot exhaust memory
 * @param heartbeat      how often an open stream sends a comment, so proxies keep it open and the session stays alive
 * @param sessionsPerAddress sessions one client address may open per {@code sessionRatePeriod} (token bucket)
 * @param sessionRatePeriod  the period of that limit
 * @param streamsPerSession  event streams one session may hold open at once (tabs of the same conversation)
 * @param evictAfterIdle     when the store is full, only a session unused for this long may make room for a new one;
 *                           with none such, a new session is refused (503) rather than an active person cut off
 */
@ConfigurationProperties("motcua.webchat")
public record WebChatProperties(String exitUrl, List<String> allowedOrigins, int maxTextChars, int rateLimit,
                                Duration ratePeriod, Duration sessionIdle, int maxSessions, Duration heartbeat,
                                int sessionsPerAddress, Duration sessionRatePeriod, int streamsPerSession,
                                Duration evictAfterIdle) {

    static final String DEFAULT_EXIT_URL = "https://www.nchmf.gov.vn";

    public WebChatProperties {
        exitUrl = exitUrl == null || exitUrl.isBlank() ? DEFAULT_EXIT_URL : checkedExitUrl(exitUrl.trim());
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::trim).filter(o -> !o.isEmpty()).map(WebChatProperties::checkedOrigin).toList();
        maxTextChars = maxTextChars > 0 ? maxTextChars : 2000;
        rateLimit = rateLimit > 0 ? rateLimit : 10;
        ratePeriod = positiveOr(ratePeriod, Duration.ofSeconds(10));
        sessionIdle = positiveOr(sessionIdle, Duration.ofMinutes(30));
        maxSessions = maxSessions > 0 ? maxSessions : 100_000;
        heartbeat = positiveOr(heartbeat, Duration.ofSeconds(15));
        sessionsPerAddress = sessionsPerAddress > 0 ? sessionsPerAddress : 30;
        sessionRatePeriod = positiveOr(sessionRatePeriod, Duration.ofMinutes(10));
        streamsPerSession = streamsPerSession > 0 ? streamsPerSession : 3;
        evictAfterIdle = positiveOr(evictAfterIdle, Duration.ofMinutes(10));
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    /** Only an absolute http(s) address: anything else (javascript:, a relative path) would defeat the quick exit. */
    private static String checkedExitUrl(String url) {
        URI uri = parse(url, "MOTCUA_WEBCHAT_EXIT_URL");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("MOTCUA_WEBCHAT_EXIT_URL must be an absolute http(s) address, got '"
                    + url + "'");
        }
        return url;
    }

    /** Browsers compare origins exactly, so a path, a trailing slash or a wildcard would silently never match. */
    private static String checkedOrigin(String origin) {
        URI uri = parse(origin, "MOTCUA_WEBCHAT_ALLOWED_ORIGINS");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null
                && uri.getFragment() == null && uri.getUserInfo() == null;
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("MOTCUA_WEBCHAT_ALLOWED_ORIGINS takes origins like "
                    + "https://partner.example (scheme, host, optional port; no path, no wildcard), got '" + origin + "'");
        }
        return origin;
    }

    private static URI parse(String value, String variable) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a valid address: '" + value + "'", e);
        }
    }
}
