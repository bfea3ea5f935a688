package vn.motcua.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import mockwebserver3.MockWebServer;
import redis.embedded.RedisServer;
import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;

/**
 * Redis stops in the middle of traffic and comes back. While it is away the Messenger webhook answers 503 (Meta
 * retries; nothing is accepted and lost), the web chat answers 503 with a Vietnamese notice and the hotlines,
 * readiness is DOWN and liveness UP. Once it is back the service recovers by itself: readiness UP, the retried
 * deliveries accepted, and every message answered exactly once, including those in flight when it stopped.
 *
 * <p>Uses a Redis server of its own on a free port (never the shared test Redis), with an append-only file so that,
 * like a production Redis, it keeps its data across the restart. Every port is on Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.messenger.app-secret=" + RedisOutageTest.APP_SECRET,
        "motcua.messenger.page-token=outage-page-token",
        "motcua.messenger.verify-token=outage-verify-token",
        "motcua.secret=outage-secret",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER",
        "management.server.port=0"})
class RedisOutageTest {

    static final String APP_SECRET = "outage-app-secret";
    static final GraphApiStub GRAPH = new GraphApiStub();
    static final MockWebServer SERVER = GRAPH.serve();
    static final int REDIS_PORT = freePort();
    static final RedisServer REDIS = startRedis();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + SERVER.getPort());
        RedisTestSupport.quickTakeover("redis://127.0.0.1:" + REDIS_PORT, "test:outage:")
                .forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopAll() throws IOException {
        REDIS.stop();
        SERVER.close();
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void whileRedisIsAwayWebhooksAnswer503AndReadinessIsDownAndWhenItIsBackNothingIsLost() throws IOException {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
        MessengerWebhookClient webhook = new MessengerWebhookClient(http, APP_SECRET);
        String run = UUID.randomUUID().toString().substring(0, 8);
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        List<String> before = people("before", run, 5);
        before.forEach(p -> post(webhook, p).expectStatus().isOk());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> before.stream()
                .allMatch(p -> !GRAPH.messagesTo(p).isEmpty()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> GRAPH.messagesTo(before.get(0)).size()
                == GRAPH.messagesTo(before.get(before.size() - 1)).size());
        int answer = GRAPH.messagesTo(before.get(0)).size();

        // Accepted just before Redis stops: their turns and sends may be anywhere on the way when it does.
        List<String> inFlight = people("inflight", run, 5);
        inFlight.forEach(p -> post(webhook, p).expectStatus().isOk());
        // A web chat page opened before the outage: its session is in Redis too.
        String session = http.post().uri("/webchat/sessions").exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("session").toString();
        REDIS.stop();

        List<String> during = people("during", run, 5);
        during.forEach(p -> post(webhook, p).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists("Retry-After"));
        Map<?, ?> noSession = http.post().uri("/webchat/sessions").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(noSession.get("notice").toString()).as("a page opened during the outage is told, with the hotlines")
                .contains("không nhận được tin nhắn", "113 (công an)", "111 (miễn phí, 24/7)");
        Map<?, ?> refusal = http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session", session, "text", "cứu tôi với")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(refusal.get("notice").toString())
                .contains("không nhận được tin nhắn", "113 (công an)", "111 (miễn phí, 24/7)");
        // A caseworker signing in (the lockout and the session are on Redis) is told to come back, not given a 500.
        vn.motcua.console.ApiClient.anonymous(port).get().uri("/api/me")
                .headers(h -> h.setBasicAuth("lan", "lan-password")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error").isEqualTo("unavailable");
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");

        REDIS.start();
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> management.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                        .getStatus().value() == 200);
        // Meta delivers what got a 503 again: accepted now, not mistaken for a duplicate.
        during.forEach(p -> post(webhook, p).expectStatus().isOk());

        List<String> everyone = new ArrayList<>(before);
        everyone.addAll(inFlight);
        everyone.addAll(during);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> everyone.stream()
                .allMatch(p -> GRAPH.messagesTo(p).size() >= answer) && idle("inbox") && idle("outbox"));
        assertThat(everyone).as("every message answered exactly once (%d messages each)", answer)
                .allSatisfy(p -> assertThat(GRAPH.messagesTo(p)).hasSize(answer));
    }

    private static WebTestClient.ResponseSpec post(MessengerWebhookClient webhook, String psid) {
        return webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, "m-" + psid, "xin chào")));
    }

    private static List<String> people(String group, String run, int count) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(group + "-" + i + "-" + run);
        }
        return people;
    }

    /** No entry of the stream is delivered and unacknowledged (asked on a connection of the test's own). */
    private static boolean idle(String stream) {
        try (RedisScope scope = RedisTestSupport.scopeAt("redis://127.0.0.1:" + REDIS_PORT, "outage-check")) {
            return scope.template().opsForStream().pending("test:outage:" + stream, RedisStreamQueue.GROUP)
                    .map(summary -> summary.getTotalPendingMessages() == 0)
                    .blockOptional(Duration.ofSeconds(5)).orElse(false);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RedisServer startRedis() {
        try {
            Path dir = Files.createTempDirectory("motcua-outage-redis");
            dir.toFile().deleteOnExit();
            // Append-only, synced on every write: what Redis acknowledged survives its restart, as in production.
            RedisServer server = RedisServer.newRedisServer().port(REDIS_PORT).setting("bind 127.0.0.1")
                    .setting("save \"\"").setting("appendonly yes").setting("appendfsync always")
                    .setting("dir " + dir.toAbsolutePath()).build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("The outage test's own Redis did not start", e);
        }
    }
}
