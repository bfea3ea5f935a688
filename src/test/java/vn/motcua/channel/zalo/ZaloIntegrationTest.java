package vn.motcua.channel.zalo;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;
import vn.motcua.privacy.PseudonymousIds;

/**
 * The whole service with Zalo and Messenger both switched on (one shared pipeline), Zalo's OpenAPI and OAuth hosts
 * and Meta's Graph API replaced by MockWebServers. Every Zalo test class shares this one application context and
 * these stubs; each test uses its own person ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.zalo.app-id=360846524940903967",
        "motcua.zalo.oa-id=388613280878808645",
        "motcua.zalo.oa-secret-key=" + ZaloIntegrationTest.OA_SECRET_KEY,
        "motcua.zalo.app-secret=" + ZaloIntegrationTest.APP_SECRET,
        "motcua.zalo.refresh-token=initial-refresh-token",
        "motcua.zalo.access-token=initial-access-token",
        "motcua.zalo.max-body-bytes=65536",
        "motcua.zalo.backoff-min=5ms",
        "motcua.zalo.backoff-max=20ms",
        "motcua.messenger.app-secret=" + ZaloIntegrationTest.MESSENGER_APP_SECRET,
        "motcua.messenger.page-token=test-page-token",
        "motcua.messenger.verify-token=test-verify-token",
        "motcua.secret=test-secret"})
abstract class ZaloIntegrationTest {

    static final String OA_SECRET_KEY = "test-oa-secret-key";
    static final String APP_SECRET = "test-app-secret-key";
    static final String MESSENGER_APP_SECRET = "test-messenger-app-secret";

    static final ZaloOpenApiStub OPENAPI = new ZaloOpenApiStub();
    static final ZaloOAuthStub OAUTH = new ZaloOAuthStub();
    static final GraphApiStub GRAPH = new GraphApiStub();
    private static final MockWebServer OPENAPI_SERVER = start(OPENAPI);
    private static final MockWebServer OAUTH_SERVER = start(OAUTH);
    private static final MockWebServer GRAPH_SERVER = start(GRAPH);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FailedSendLog failures;

    @Autowired
    PseudonymousIds ids;

    WebTestClient http;
    ZaloWebhookClient webhook;
    MessengerWebhookClient messenger;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("motcua.zalo.openapi-url", () -> "http://127.0.0.1:" + OPENAPI_SERVER.getPort());
        registry.add("motcua.zalo.oauth-url", () -> "http://127.0.0.1:" + OAUTH_SERVER.getPort());
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + GRAPH_SERVER.getPort());
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
        webhook = new ZaloWebhookClient(http, ZaloEvents.appId(), OA_SECRET_KEY);
        messenger = new MessengerWebhookClient(http, MESSENGER_APP_SECRET);
    }

    /** Zalo user ids are digit strings; unique per test. */
    static String newUser() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    static String newMsgId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    /** Waits until {@code count} messages were delivered to {@code userId}, and returns them in order. */
    static List<ZaloOpenApiStub.SendCall> awaitMessages(String userId, int count) {
        eventually().until(() -> OPENAPI.deliveredTo(userId).size() >= count);
        return OPENAPI.deliveredTo(userId);
    }

    String conversationId(String userId) {
        return ids.conversationId("zalo", userId);
    }

    List<FailedSend> failuresOf(String userId) {
        String id = conversationId(userId);
        return failures.forConversation(id).collectList().block();
    }

    double counter(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    double accepted() {
        return counter("motcua.inbox.accepted", "channel", "zalo");
    }

    private static MockWebServer start(Dispatcher dispatcher) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
