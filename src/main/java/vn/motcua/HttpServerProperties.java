package vn.motcua;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the HTTP server against clients that hold connections without finishing their requests (slowloris).
 *
 * @param headerTimeout  how long a connection may take to send a request's headers, counted from when it opened or
 *                       from the end of its previous answer; a kept-alive connection with no new request is closed
 *                       after as long
 * @param bodyTimeout    how long a request's body may take to arrive once its headers are in (the server answers
 *                       408 and closes the connection)
 * @param maxConnections most connections held open at once; past it a new connection is closed at once, before it
 *                       can take memory or a file descriptor for long
 */
@ConfigurationProperties("motcua.http")
public record HttpServerProperties(Duration headerTimeout, Duration bodyTimeout, int maxConnections) {

    public HttpServerProperties {
        headerTimeout = headerTimeout != null && headerTimeout.compareTo(Duration.ZERO) > 0 ? headerTimeout : Duration.ofSeconds(10);
        bodyTimeout = bodyTimeout != null && bodyTimeout.compareTo(Duration.ZERO) > 0 ? bodyTimeout : Duration.ofSeconds(30);
        maxConnections = maxConnections > 0 ? maxConnections : 10_000;
    }
}
