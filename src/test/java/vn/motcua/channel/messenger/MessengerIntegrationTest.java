package vn.motcua.channel.messenger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockWebServer;
import vn.motcua.MovableClock;

/**
 * The whole service with Messenger switched on and the Graph API replaced by a MockWebServer. Every test class that
 * extends this shares one application context and one stub server; tests use their own person ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.messenger.app-secret=" + MessengerIntegrationTest.APP_SECRET,
        "motcua.messenger.page-token=" + MessengerIntegrationTest.PAGE_TOKEN,
        "motcua.messenger.verify-token=" + MessengerIntegrationTest.VERIFY_TOKEN,
        "motcua.messenger.max-body-bytes=65536",
        "motcua.messenger.backoff-min=5ms",
        "motcua.messenger.backoff-max=20ms",
        "motcua.handoff.messenger-human-agent=true",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER",
        "motcua.secret=test-secret"})
@Import(MovableClock.Config.class)
abstract class MessengerIntegrationTest {

    static final String APP_SECRET = "test-app-secret";
    static final String PAGE_TOKEN = "test-page-token";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final String SEND_PATH = "/v25.0/me/messages";

    static final GraphApiStub GRAPH = new GraphApiStub();
    private static final MockWebServer SERVER = GRAPH.serve();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient http;
    MessengerWebhookClient webhook;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + SERVER.getPort());
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
        webhook = new MessengerWebhookClient(http, APP_SECRET);
    }

    static String newPsid() {
        return "psid-" + UUID.randomUUID();
    }

    static String newMid() {
        return "mid." + UUID.randomUUID();
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    /** Waits until {@code count} messages reached the platform for {@code psid}, and returns them in order. */
    static List<GraphApiStub.SendCall> awaitMessages(String psid, int count) {
        eventually().until(() -> GRAPH.messagesTo(psid).size() >= count);
        return GRAPH.messagesTo(psid);
    }

    double accepted() {
        var counter = meters.find("motcua.inbox.accepted").tag("channel", "messenger").counter();
        return counter == null ? 0 : counter.count();
    }

    double duplicates() {
        var counter = meters.find("motcua.inbox.duplicates").tag("channel", "messenger").counter();
        return counter == null ? 0 : counter.count();
    }

    static String sample(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/samples", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
