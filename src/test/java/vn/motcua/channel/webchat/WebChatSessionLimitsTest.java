package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One client cannot fill the web chat with sessions (issue 13: 13,000 sessions/s from one client, and once the store
 * was full new people's sessions were evicted within a second and their first message got 404). Here the service
 * runs behind a proxy ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}), so {@code X-Forwarded-For} stands for the
 * client's address, and the store holds only {@value #MAX_SESSIONS} sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret",
        "server.forward-headers-strategy=native",
        "motcua.webchat.sessions-per-address=30",
        "motcua.webchat.session-rate-period=PT10M",
        "motcua.webchat.max-sessions=" + WebChatSessionLimitsTest.MAX_SESSIONS})
class WebChatSessionLimitsTest {

    static final int MAX_SESSIONS = 60;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void sessionCreationBeyondThePerAddressLimitGets429WithANoticeThePageCanShow() {
        WebTestClient http = http();
        List<String> opened = new ArrayList<>();
        EntityExchangeResult<JsonNode> refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            EntityExchangeResult<JsonNode> result = http.post().uri("/webchat/sessions")
                    .header("X-Forwarded-For", "203.0.113.7").exchange().expectBody(JsonNode.class).returnResult();
            if (result.getStatus().value() == 201) {
                opened.add(result.getResponseBody().path("session").asString());
            } else {
                refused = result;
            }
        }
        System.out.println("FIGURE sessions: one address created " + opened.size() + " sessions (of 200 tried)");
        try {
            assertThat(opened).hasSize(30);
            assertThat(refused.getStatus().value()).isEqualTo(429);
            assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(refused.getResponseBody().path("error").asString()).isEqualTo("too_many_sessions");
            assertThat(refused.getResponseBody().path("notice").asString()).contains("113", "111");
            // Another address (another person behind the same proxy) is not held back.
            opened.add(open(http, "203.0.113.8").getResponseBody().path("session").asString());
        } finally {
            opened.forEach(session -> http.delete().uri("/webchat/sessions/{s}", session).exchange());
        }
    }

    @Test
    void activeSessionsSurviveAFloodOfNewOnesAndEveryoneWhoGotASessionCanWrite() {
        WebTestClient http = http();
        List<String> active = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String session = open(http, "198.51.100." + (i + 1)).getResponseBody().path("session").asString();
            send(http, session).expectStatus().isAccepted();
            active.add(session);
        }
        // The flood: 600 sessions, each from its own address, ten times what the store holds.
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> flood = new ArrayList<>();
        String notice = null;
        for (int i = 0; i < 600; i++) {
            EntityExchangeResult<JsonNode> result = open(http, "10.7." + (i / 250) + "." + (i % 250 + 1));
            statuses.merge(result.getStatus().value(), 1, Integer::sum);
            if (result.getStatus().value() == 201) {
                flood.add(result.getResponseBody().path("session").asString());
            } else if (result.getStatus().value() == 503) {
                notice = result.getResponseBody().path("notice").asString();
            }
        }
        int activeLost = 0;
        for (String session : active) {
            if (send(http, session).returnResult(Void.class).getStatus().value() == 404) {
                activeLost++;
            }
        }
        int floodLost = 0;
        for (String session : flood) {
            if (send(http, session).returnResult(Void.class).getStatus().value() == 404) {
                floodLost++;
            }
        }
        System.out.println("FIGURE sessions: flood of 600 statuses " + statuses + "; active sessions evicted "
                + activeLost + " of " + active.size() + "; flood sessions that got 201 but 404 on their first message "
                + floodLost + " of " + flood.size());
        try {
            assertThat(activeLost).as("active sessions lost to the flood").isZero();
            assertThat(floodLost).as("people given a session that was gone by their first message").isZero();
            assertThat(statuses).containsKey(503);
            assertThat(notice).contains("113", "111");
        } finally {
            active.forEach(session -> http.delete().uri("/webchat/sessions/{s}", session).exchange());
            flood.forEach(session -> http.delete().uri("/webchat/sessions/{s}", session).exchange());
        }
    }

    @Test
    void aSessionHoldsAtMostThreeStreamsAndTheyEndWithIt() {
        WebTestClient http = http();
        String session = open(http, "192.0.2.55").getResponseBody().path("session").asString();
        List<reactor.core.Disposable> streams = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int i = 0; i < 5; i++) {
                var result = http.get().uri("/webchat/stream?session={s}", session).accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange().returnResult(String.class);
                statuses.add(result.getStatus().value());
                if (result.getStatus().value() == 200) {
                    streams.add(result.getResponseBody().subscribe(data -> { }, error -> ended.incrementAndGet(),
                            ended::incrementAndGet));
                }
            }
            System.out.println("FIGURE streams: 5 streams on one session answered " + statuses);
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
            // Erasing the session ends its streams at once.
            http.delete().uri("/webchat/sessions/{s}", session).exchange().expectStatus().isNoContent();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() == 3);
        } finally {
            streams.forEach(reactor.core.Disposable::dispose);
        }
    }

    private static EntityExchangeResult<JsonNode> open(WebTestClient http, String address) {
        return http.post().uri("/webchat/sessions").header("X-Forwarded-For", address).exchange()
                .expectBody(JsonNode.class).returnResult();
    }

    private WebTestClient.ResponseSpec send(WebTestClient http, String session) {
        return http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(Map.of("session", session, "text", "chào bạn"))).exchange();
    }
}
