package vn.motcua.nlu;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.motcua.console.ApiClient;

/** An operator checks what the classifier makes of a message; an ADMIN route, so the operator signs in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"motcua.secret=test-secret",
        "motcua.console.users=ops:{noop}ops-password:ADMIN"})
class NluControllerTest {

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = ApiClient.signedIn(port, "ops", "ops-password");
    }

    @Test
    void parsesAMessageIntoIntentConfidenceRankingAndLocation() {
        http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "mình ở gò vấp, tối nay không có chỗ ngủ, có nhà tạm lánh nào không"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intent").isEqualTo("shelter")
                .jsonPath("$.confidence").isNumber()
                .jsonPath("$.ranking.length()").isEqualTo(5)
                .jsonPath("$.ranking[0].intent").isEqualTo("shelter")
                .jsonPath("$.ranking[0].score").isNumber()
                .jsonPath("$.location.district").isEqualTo("Gò Vấp")
                .jsonPath("$.lowConfidence").isEqualTo(false);
    }

    @Test
    void aCrisisPhraseForcesTheCrisisIntentAndSaysWhichPhrase() {
        http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "ck e dang cam dao doa giet e"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intent").isEqualTo("emergency")
                .jsonPath("$.confidence").isEqualTo(1.0)
                .jsonPath("$.safetyPhrase").isNotEmpty()
                .jsonPath("$.location").doesNotExist();
    }

    @Test
    void saysWhenItIsNotSure() {
        http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "hmm"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lowConfidence").isEqualTo(true)
                .jsonPath("$.language").isEqualTo("vi")
                .jsonPath("$.ranking.length()").isEqualTo(5);
    }

    private WebTestClient.BodyContentSpec parse(String text) {
        return http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text))
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    @Test
    void carriesTheLanguageTheActTheFollowUpAndTheCuesAboutTheWriter() {
        parse("my stepdad hits me, i am 12 and i can't call")
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.cannotCall").isEqualTo(true)
                .jsonPath("$.childSpeaking").isEqualTo(true);
        parse("có mất tiền ko")
                .jsonPath("$.followUp").isEqualTo("cost")
                .jsonPath("$.lowConfidence").isEqualTo(true);
        parse("dạ vâng ạ").jsonPath("$.act").isEqualTo("affirm");
    }

    @Test
    void refusesABodyWithoutText() {
        http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", "hi"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void refusesAnOverlongText() {
        http.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "a".repeat(NluController.MAX_TEXT_LENGTH + 1)))
                .exchange()
                .expectStatus().isEqualTo(413);
    }
}
