package vn.motcua.channel.webchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import mockwebserver3.MockWebServer;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole service as it runs with no platform configured, the web chat on, and a partner site on a second origin
 * (exit page, widget host). API and browser tests share this one application context; each uses its own sessions.
 * The rate limit is small and slow here so that a flood is refused whatever the machine's speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret",
        "motcua.webchat.rate-limit=" + WebChatIntegrationTest.RATE_LIMIT,
        "motcua.webchat.rate-period=PT10M"})
abstract class WebChatIntegrationTest {

    static final int RATE_LIMIT = 5;

    static final PartnerSiteStub PARTNER = new PartnerSiteStub();
    private static final MockWebServer PARTNER_SERVER = startServer();

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    WebTestClient http;
    WebChatApi api;

    @DynamicPropertySource
    static void partnerSite(DynamicPropertyRegistry registry) {
        registry.add("motcua.webchat.exit-url", WebChatIntegrationTest::exitUrl);
        registry.add("motcua.webchat.allowed-origins", WebChatIntegrationTest::partnerOrigin);
    }

    @BeforeEach
    void connect() {
        // A fresh connection for every request, as console.ApiClient does: a request pipelined on a pooled connection
        // behind a cancelled event stream may never be answered (WebChatApiTest once waited 10 s for /widget.js).
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(10)).build();
        api = new WebChatApi(http, json);
        PARTNER.chatBaseUrl = baseUrl();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static String partnerOrigin() {
        return "http://127.0.0.1:" + PARTNER_SERVER.getPort();
    }

    static String exitUrl() {
        return partnerOrigin() + "/neutral.html";
    }

    private static MockWebServer startServer() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(PARTNER);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
