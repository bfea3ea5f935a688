package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;

/** The worker runs every turn once it succeeds, retries a failed turn, and sets aside one that keeps failing. */
class InboxWorkerTest {

    private final InMemoryInboxQueue queue = new InMemoryInboxQueue();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private InboxWorker worker;

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    void aTurnThatFailsOnceIsHandledOnTheNextDelivery() {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        start(event -> {
            String text = ((InboundContent.Text) event.content()).text();
            if (calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet() == 1) {
                return Mono.error(new IllegalStateException("store hiccup"));
            }
            handled.add(text);
            return Mono.empty();
        }, 3);
        queue.enqueue(InboxQueueContract.event("xin chào")).block();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("xin chào"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> queue.pending() == 0);
        assertThat(calls.get("xin chào").get()).isEqualTo(2);
    }

    @Test
    void aTurnThatKeepsFailingIsSetAsideAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        start(event -> {
            calls.incrementAndGet();
            return Mono.error(new IllegalStateException("always"));
        }, 3);
        queue.enqueue(InboxQueueContract.event("xin chào")).block();

        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.find("motcua.inbox.dead").counter() != null
                        && meters.find("motcua.inbox.dead").counter().count() == 1);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(queue.pending()).isZero();
    }

    private void start(InboundEventHandler handler, int maxAttempts) {
        worker = new InboxWorker(queue, handler, new InboxProperties(Duration.ofHours(1), 4, 50, maxAttempts), meters);
        worker.start();
    }
}
