package vn.motcua.nlu;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.motcua.MovableClock;
import vn.motcua.console.ApiClient;

/**
 * Parsing costs CPU that the people writing in need: one operator's script cannot take more than its share. The
 * period is an hour here, so that a slow machine refills nothing during the test; the clock is moved instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"motcua.secret=test-secret",
        "motcua.console.users=ops:{noop}ops-password:ADMIN,ops2:{noop}ops2-password:ADMIN",
        "motcua.nlu.parse-rate.limit=10", "motcua.nlu.parse-rate.period=PT1H"})
@Import(MovableClock.Config.class)
class NluRateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Test
    void beyondTheLimitAUserGets429WithRetryAfterAndOtherUsersAreNotAffected() {
        WebTestClient ops = ApiClient.signedIn(port, "ops", "ops-password");
        for (int i = 0; i < 10; i++) {
            parse(ops).expectStatus().isOk();
        }
        parse(ops).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.error").isEqualTo("rate_limited");

        parse(ApiClient.signedIn(port, "ops2", "ops2-password")).expectStatus().isOk();

        clock.advance(Duration.ofMinutes(7));
        parse(ops).expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec parse(WebTestClient client) {
        return client.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "mình ở gò vấp, tối nay không có chỗ ngủ")).exchange();
    }
}
