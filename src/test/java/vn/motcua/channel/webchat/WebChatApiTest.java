package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;

/** What a browser or a partner integration sees from the web chat API. */
class WebChatApiTest extends WebChatIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    AnswerBook answers;

    @Autowired
    AnswerComposer composer;

    @Test
    void aGreetingWithoutAccentsIsAnsweredOnTheStreamWithQuickReplies() {
        String session = api.openSession();

        StepVerifier.create(api.stream(session))
                .then(() -> api.send(session, "chao ban").expectStatus().isAccepted())
                .assertNext(event -> {
                    assertThat(event.path("from").asString()).isEqualTo("bot");
                    assertThat(event.path("text").asString()).isEqualTo(answers.get("greeting", "default").text());
                    assertThat(payloads(event)).contains("INTENT:hotline", "INTENT:human_agent");
                    assertThat(event.path("quickReplies").get(0).path("title").asString()).isNotBlank();
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void anAnswerWrittenBeforeTheBrowserListensIsNotLost() {
        String session = api.openSession();
        api.send(session, "chao ban").expectStatus().isAccepted();

        StepVerifier.create(api.stream(session))
                .assertNext(event -> assertThat(event.path("text").asString())
                        .isEqualTo(answers.get("greeting", "default").text()))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aQuickReplyTapGetsThatTopicsAnswer() {
        String session = api.openSession();

        StepVerifier.create(api.stream(session))
                .then(() -> api.tap(session, "INTENT:hotline", "Số điện thoại").expectStatus().isAccepted())
                // A first message that is not a greeting gets the automated-assistant notice first.
                .assertNext(event -> assertThat(event.path("text").asString())
                        .isEqualTo(answers.get(AnswerBook.SYSTEM, "disclosure").text()))
                .assertNext(event -> assertThat(event.path("text").asString())
                        .isEqualTo(composer.compose(answers.get("hotline", "default"), null).text()))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void anUnknownSessionGets404WithAClearError() {
        String unknown = SessionIds.next();
        api.send(unknown, "chao ban").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("session_not_found")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("POST /webchat/sessions"));
        api.send("not-a-session", "chao ban").expectStatus().isNotFound();
        http.get().uri("/webchat/stream?session={s}", unknown).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("session_not_found");
    }

    @Test
    void textOverTheLimitGets400AndTextAtTheLimitIsAccepted() {
        String session = api.openSession();
        api.send(session, "a".repeat(2001)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("text_too_long")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("2000"));
        // Vietnamese letters with diacritics count as one character each, not as their UTF-8 bytes.
        api.send(session, "ệ".repeat(2000)).expectStatus().isAccepted();
    }

    @Test
    void emptyTextMissingSessionAndBadJsonGet400() {
        String session = api.openSession();
        api.send(session, "   ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("text_empty");
        api.post("{\"text\":\"chao ban\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("session_required");
        api.post("{\"session\": \"" + session + "\", \"text\": ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_json");
        api.post("[\"chao ban\"]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_json");
    }

    @Test
    void aFloodFromOneSessionGets429WithRetryAfterAndOtherSessionsAreNotSlowed() {
        String flooding = api.openSession();
        for (int i = 0; i < RATE_LIMIT; i++) {
            api.send(flooding, "xin chao " + i).expectStatus().isAccepted();
        }
        api.send(flooding, "xin chao").expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
                .expectBody().jsonPath("$.error").isEqualTo("rate_limited");

        api.send(api.openSession(), "xin chao").expectStatus().isAccepted();
    }

    @Test
    void sessionIdsAreLongRandomAndUrlSafe() {
        List<String> ids = List.of(api.openSession(), api.openSession());
        assertThat(ids).allMatch(SessionIds::wellFormed).doesNotHaveDuplicates();
    }

    @Test
    void thePageIsServedWithoutCookiesCachingOrReferrerAndOnlyFramedByAllowedOrigins() {
        http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("frame-ancestors 'self' " + partnerOrigin()).contains("script-src 'self'"))
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("Thoát nhanh", "trợ lý tự động", "113", "111", "lang=\"vi\""));
        http.get().uri("/webchat/config.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains(exitUrl()));
        http.get().uri("/widget.js").exchange().expectStatus().isOk();
    }

    @Test
    void onlyAllowedOriginsMayCallTheApiFromTheirPages() {
        http.options().uri("/webchat/messages")
                .header(HttpHeaders.ORIGIN, partnerOrigin())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, partnerOrigin());
        http.options().uri("/webchat/messages")
                .header(HttpHeaders.ORIGIN, "https://stranger.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden();
    }

    private static List<String> payloads(JsonNode event) {
        return event.path("quickReplies").valueStream().map(q -> q.path("payload").asString()).toList();
    }
}
