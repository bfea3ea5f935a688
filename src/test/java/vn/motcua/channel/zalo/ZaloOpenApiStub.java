package vn.motcua.channel.zalo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Zalo's OpenAPI host: records every consultation send and answers like Zalo does (HTTP 200, success
 * or failure in the body's {@code error}). A revoked access token gets -216; a test can script the next answers for
 * one recipient.
 */
final class ZaloOpenApiStub extends Dispatcher {

    /** One send as Zalo would have received it, and the {@code error} Zalo answered (0 = delivered). */
    record SendCall(String path, String accessToken, String recipient, JsonNode body, int error) {

        boolean delivered() {
            return error == 0;
        }

        String text() {
            return body.path("message").path("text").asString("");
        }

        List<JsonNode> buttons() {
            return body.path("message").path("attachment").path("payload").path("buttons").valueStream().toList();
        }

        List<String> buttonTitles() {
            return buttons().stream().map(b -> b.path("title").asString("")).toList();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SAMPLE_USER = "2512523625412515";

    private final Queue<SendCall> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger revokedUses = new AtomicInteger();
    private final String success = sample("zalo-send-cs-response.json");

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        String token = request.getHeaders().get("access_token");
        String to = body.path("recipient").path("user_id").asString("");
        int error;
        if (token == null || revoked.contains(token)) {
            revokedUses.incrementAndGet();
            error = -216;
        } else {
            Queue<Integer> errors = scripted.get(to);
            Integer next = errors == null ? null : errors.poll();
            error = next == null ? 0 : next;
        }
        calls.add(new SendCall(request.getUrl().encodedPath(), token, to, body, error));
        return error == 0 ? json(200, success.replace(SAMPLE_USER, to)) : error(error, "scripted error " + error);
    }

    /** From now on Zalo answers -216 to this token. */
    void revoke(String token) {
        revoked.add(token);
    }

    /** How many sends came with a revoked token so far. */
    int revokedUses() {
        return revokedUses.get();
    }

    /** The next sends to {@code recipient} get these Zalo error codes, in order; later ones succeed. */
    void script(String recipient, Integer... errors) {
        scripted.computeIfAbsent(recipient, r -> new ConcurrentLinkedQueue<>()).addAll(List.of(errors));
    }

    /** Zalo's error shape: HTTP 200 and a negative {@code error}. */
    static MockResponse error(int code, String message) {
        return json(200, "{\"error\":" + code + ",\"message\":\"" + message + "\"}");
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    List<SendCall> messagesTo(String recipient) {
        return calls.stream().filter(c -> c.recipient().equals(recipient)).toList();
    }

    /** Sends to this recipient that Zalo answered with success, in the order received. */
    List<SendCall> deliveredTo(String recipient) {
        return messagesTo(recipient).stream().filter(SendCall::delivered).toList();
    }

    static String sample(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/samples", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
