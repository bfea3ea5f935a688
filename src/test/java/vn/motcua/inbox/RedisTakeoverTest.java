package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockWebServer;
import reactor.core.publisher.Mono;
import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisStoreProperties;
import vn.motcua.redis.RedisStreamQueue;
import vn.motcua.redis.RedisTestSupport;

/**
 * A worker that dies in the middle of its turns, without acknowledging them: another takes its entries over once its
 * heartbeat is gone and answers every message exactly once, including those whose turn the dead one had already
 * finished (they are only acknowledged) and whose replies it had already queued (sent once).
 *
 * <p>The real message path (Messenger webhook → inbox → turn → outbox → Send API stub) with every port on Redis
 * (the inbox and outbox on Redis Streams).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.messenger.app-secret=" + RedisTakeoverTest.APP_SECRET,
        "motcua.messenger.page-token=takeover-page-token",
        "motcua.messenger.verify-token=takeover-verify-token",
        "motcua.secret=takeover-secret"})
class RedisTakeoverTest {

    static final String APP_SECRET = "takeover-app-secret";
    static final GraphApiStub GRAPH = new GraphApiStub();
    static final MockWebServer SERVER = GRAPH.serve();
    static final RedisScope SCOPE = RedisTestSupport.scope("takeover");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + SERVER.getPort());
        RedisTestSupport.quickTakeover(RedisTestSupport.url(), SCOPE.prefix()).forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        SCOPE.close();
        SERVER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    InboxWorker worker;
    @Autowired
    InboundEventHandler turns;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    RedisStoreProperties properties;
    @Autowired
    TextSealer sealer;
    @Autowired
    PseudonymousIds ids;

    @Test
    void aWorkerThatDiesMidTurnHasItsEntriesTakenOverAndEachMessageAnsweredExactlyOnce() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        MessengerWebhookClient webhook = new MessengerWebhookClient(http, APP_SECRET);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // How many messages one first "xin chào" gets, handled normally.
        String control = "control-" + run;
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(control, "m-" + control, "xin chào")))
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !GRAPH.messagesTo(control).isEmpty()
                && stream("inbox").pending() == 0);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pendingInGroup("outbox") == 0);
        int answer = GRAPH.messagesTo(control).size();

        // This instance's own worker steps aside; the doomed one reads everything. Three of its turns run to the end
        // (saved, replies queued) and then hang; the other seven hang before the turn. It never acknowledges.
        worker.stop();
        RedisInboxQueue doomedQueue = new RedisInboxQueue(
                new RedisStreamQueue(redis, keys, properties, "inbox", Duration.ofHours(1)), sealer, ids);
        AtomicInteger finishedThere = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        InboundEventHandler dying = event -> {
            if (started.incrementAndGet() <= 3) {
                return turns.handle(event).then(Mono.fromRunnable(finishedThere::incrementAndGet)).then(Mono.never());
            }
            return Mono.never();
        };
        InboxWorker doomed = new InboxWorker(doomedQueue, dying, new InboxProperties(Duration.ofHours(1), 64, 50, 3),
                new SimpleMeterRegistry());
        doomed.start();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String psid = "person-" + i + "-" + run;
            people.add(psid);
            webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, "m-" + psid, "xin chào")))
                    .expectStatus().isOk();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> finishedThere.get() == 3 && started.get() == 10
                && doomedQueue.pending() == 10);

        doomed.stop();
        worker.start();

        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> pendingInGroup("inbox") == 0
                && pendingInGroup("outbox") == 0 && people.stream().allMatch(p -> GRAPH.messagesTo(p).size() >= answer));
        assertThat(people).as("every person's answer, exactly once (%d messages each)", answer)
                .allSatisfy(p -> assertThat(GRAPH.messagesTo(p)).hasSize(answer));
        assertThat(GRAPH.messagesTo(people.get(0))).extracting(GraphApiStub.SendCall::text)
                .isEqualTo(GRAPH.messagesTo(control).stream().map(GraphApiStub.SendCall::text).toList());
    }

    private RedisStreamQueue stream(String name) {
        return new RedisStreamQueue(redis, keys, properties, name, Duration.ofHours(1));
    }

    /** Entries of a stream's group delivered and not acknowledged, on any consumer. */
    private long pendingInGroup(String name) {
        return redis.opsForStream().pending(keys.key(name), RedisStreamQueue.GROUP)
                .map(summary -> summary.getTotalPendingMessages())
                .onErrorReturn(-1L).blockOptional(Duration.ofSeconds(5)).orElse(-1L);
    }
}
