package vn.motcua.channel;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client a channel sends with: its own connection pool, whose size bounds the requests in flight to the
 * platform (requests beyond it wait for a connection instead of failing), and a timeout for each answer.
 */
public final class PooledWebClient {

    private PooledWebClient() {
    }

    public static WebClient create(String poolName, String baseUrl, int maxConnections, Duration responseTimeout) {
        ConnectionProvider pool = ConnectionProvider.builder(poolName)
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .build();
        return WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).responseTimeout(responseTimeout)))
                .build();
    }
}
