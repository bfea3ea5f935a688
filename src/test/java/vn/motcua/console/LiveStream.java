package vn.motcua.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A server-sent event stream held open by a test, every event kept, so the test can wait for the one it expects. */
final class LiveStream implements AutoCloseable {

    /** One event as a browser would get it. */
    record Event(String name, JsonNode data, String comment) {
    }

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    private final Disposable subscription;

    private LiveStream(WebTestClient http, String uri, ObjectMapper json) {
        this.subscription = http.mutate().responseTimeout(Duration.ofMinutes(5)).build()
                .get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .doFinally(signal -> ended.set(true))
                .subscribe(e -> events.add(new Event(e.event(), e.data() == null ? null : json.readTree(e.data()),
                        e.comment())), error -> ended.set(true));
    }

    /** Opens the stream and waits until the server says it is listening (its first comment, or first event). */
    static LiveStream open(WebTestClient http, String uri, ObjectMapper json, boolean waitForComment) {
        LiveStream stream = new LiveStream(http, uri, json);
        if (waitForComment) {
            stream.await(e -> e.comment() != null);
        }
        return stream;
    }

    Event await(Predicate<Event> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> events.stream().filter(wanted).findFirst().orElse(null), e -> e != null);
    }

    /** Like {@link #await}, among the events after the first {@code skip}. */
    Event awaitAfter(int skip, Predicate<Event> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> events.stream().skip(skip).filter(wanted).findFirst().orElse(null), e -> e != null);
    }

    /** Waits until the server ends the stream. */
    void awaitEnd() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilTrue(ended);
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
