package vn.motcua.channel.webchat;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Talks to the web chat API the way the page (or a partner integration) does. */
final class WebChatApi {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;
    private final ObjectMapper json;

    WebChatApi(WebTestClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    String openSession() {
        JsonNode body = http.post().uri("/webchat/sessions").exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.path("session").asString();
    }

    WebTestClient.ResponseSpec send(String session, String text) {
        return post(json.writeValueAsString(Map.of("session", session, "text", text)));
    }

    WebTestClient.ResponseSpec tap(String session, String payload, String title) {
        return post(json.writeValueAsString(Map.of("session", session, "payload", payload, "text", title)));
    }

    WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The session's messages as the browser receives them (keep-alive comments left out). */
    Flux<JsonNode> stream(String session) {
        return http.get().uri("/webchat/stream?session={session}", session).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(event -> event.data() != null)
                .map(event -> json.readTree(event.data()));
    }

    WebTestClient.ResponseSpec erase(String session) {
        return http.delete().uri("/webchat/sessions/{session}", session).exchange();
    }
}
