package vn.motcua.channel.messenger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the Graph API: records every Send API request and answers 200, or what a test scripted for one
 * recipient (a 500, an error code), in order.
 */
public final class GraphApiStub extends Dispatcher {

    /** One Send API request as the platform would have received it. */
    public record SendCall(String path, String accessToken, String recipient, JsonNode body) {

        boolean isMessage() {
            return body.has("message");
        }

        public String text() {
            return body.path("message").path("text").asString("");
        }

        public List<String> quickReplyPayloads() {
            return body.path("message").path("quick_replies").valueStream()
                    .map(q -> q.path("payload").asString("")).toList();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Queue<SendCall> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<MockResponse>> scripted = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        JsonNode recipient = body.path("recipient");
        String to = recipient.has("id") ? recipient.path("id").asString() : recipient.path("user_ref").asString("");
        calls.add(new SendCall(request.getUrl().encodedPath(), request.getUrl().queryParameter("access_token"), to, body));
        if (body.has("message")) {
            Queue<MockResponse> responses = scripted.get(to);
            MockResponse next = responses == null ? null : responses.poll();
            if (next != null) {
                return next;
            }
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"recipient_id\":\"" + to + "\",\"message_id\":\"m_ok\"}").build();
    }

    /** The next message sends to {@code recipient} get these responses, in order; later ones get 200. */
    void script(String recipient, MockResponse... responses) {
        scripted.computeIfAbsent(recipient, r -> new ConcurrentLinkedQueue<>()).addAll(new ArrayDeque<>(List.of(responses)));
    }

    static MockResponse error(int httpStatus, String body) {
        return new MockResponse.Builder().code(httpStatus).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** Messages (not sender actions) sent to one recipient, in the order they reached the platform. */
    public List<SendCall> messagesTo(String recipient) {
        return calls.stream().filter(c -> c.recipient().equals(recipient) && c.isMessage()).toList();
    }

    List<SendCall> allTo(String recipient) {
        return calls.stream().filter(c -> c.recipient().equals(recipient)).toList();
    }

    /** A MockWebServer on a free port that answers as this stub. */
    public MockWebServer serve() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(this);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
