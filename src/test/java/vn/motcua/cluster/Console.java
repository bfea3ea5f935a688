package vn.motcua.cluster;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The caseworker's side of docs/api.md on one instance, signed in as {@link Cluster#CASEWORKER}. */
final class Console {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient http;

    private Console(WebTestClient http) {
        this.http = http;
    }

    static Console on(Cluster cluster, ServiceProcess instance) {
        return new Console(cluster.caseworker(instance));
    }

    /** The ids of the conversations the console lists (the queue and those being handled). */
    List<String> conversationIds() {
        return get("/api/conversations").valueStream().map(n -> n.path("id").asString()).toList();
    }

    JsonNode conversation(String id) {
        return get("/api/conversations/" + id);
    }

    List<JsonNode> transcript(String id) {
        return get("/api/conversations/" + id + "/messages").valueStream().toList();
    }

    JsonNode claim(String id) {
        return send(http.post().uri("/api/conversations/{id}/claim", id), null, 200);
    }

    JsonNode reply(String id, String text) {
        return send(http.post().uri("/api/conversations/{id}/messages", id), Map.of("text", text), 202);
    }

    JsonNode note(String id, String text) {
        return send(http.post().uri("/api/conversations/{id}/notes", id), Map.of("text", text), 201);
    }

    JsonNode safeContact(String id, String when) {
        return send(http.put().uri("/api/conversations/{id}/safe-contact", id),
                Map.of("when", when, "callAllowed", false), 200);
    }

    JsonNode refer(String id, String note) {
        String service = get("/api/services").get(0).path("id").asString();
        return send(http.post().uri("/api/conversations/{id}/referrals", id),
                Map.of("serviceId", service, "note", note), 201);
    }

    private JsonNode get(String uri) {
        String body = http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode send(WebTestClient.RequestBodySpec request, Object body, int status) {
        WebTestClient.RequestHeadersSpec<?> spec = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        String answer = spec.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody();
        return JSON.readTree(answer == null ? "{}" : answer);
    }
}
