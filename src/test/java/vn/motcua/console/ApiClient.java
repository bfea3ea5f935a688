package vn.motcua.console;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * An API client as docs/api.md describes one: HTTP Basic on every request, and the CSRF token read from the
 * {@code XSRF-TOKEN} cookie of a first GET, sent back as cookie and {@code X-XSRF-TOKEN} header on every change.
 */
public final class ApiClient {

    private ApiClient() {
    }

    /**
     * A fresh connection for every request, never a pooled one: a test's server-sent event stream, once cancelled,
     * must not leave a connection on which the server still streams. A request pipelined behind such a stream was
     * processed but never answered (a 15 s time-out in HandoffFlowTest, in about one full run in three).
     */
    public static WebTestClient anonymous(int port) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    public static WebTestClient signedIn(int port, String user, String password) {
        WebTestClient anonymous = anonymous(port);
        ResponseCookie token = anonymous.get().uri("/api/me").headers(h -> h.setBasicAuth(user, password))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        if (token == null) {
            throw new AssertionError("GET /api/me wrote no XSRF-TOKEN cookie");
        }
        return anonymous.mutate()
                .defaultHeaders(h -> {
                    h.setBasicAuth(user, password);
                    h.set("X-XSRF-TOKEN", token.getValue());
                })
                .defaultCookie("XSRF-TOKEN", token.getValue())
                .build();
    }
}
