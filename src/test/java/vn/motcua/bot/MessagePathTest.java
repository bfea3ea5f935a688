package vn.motcua.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.handoff.HandoffQueue;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;

/**
 * The message path as people meet it: webhook → inbox → lock → turn → save → outbox → Send API. Nobody's flood, crowd
 * or hung platform delays anyone else; concurrent writers lose nothing; an erasure is final; the transcript tells what
 * was delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.messenger.app-secret=" + MessagePathTest.APP_SECRET,
        "motcua.messenger.page-token=path-page-token",
        "motcua.messenger.verify-token=path-verify-token",
        "motcua.messenger.max-body-bytes=1048576",
        "motcua.messenger.backoff-min=5ms",
        "motcua.messenger.backoff-max=20ms",
        // A hung Send API must stay hung for the length of the test, not time out and retry.
        "motcua.messenger.send-timeout=40s",
        "motcua.secret=path-secret"})
class MessagePathTest {

    static final String APP_SECRET = "path-app-secret";

    /** The Graph API, with the power to hang one recipient's sends until released, or refuse them for good. */
    static final class Graph extends Dispatcher {
        final GraphApiStub calls = new GraphApiStub();
        final Map<String, CountDownLatch> hung = new ConcurrentHashMap<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String recipient = recipient(request);
            firstArrival.putIfAbsent(recipient, Instant.now());
            CountDownLatch gate = hung.get(recipient);
            if (gate != null) {
                gate.await(30, TimeUnit.SECONDS);
            }
            MockResponse answer = calls.dispatch(request);
            if (refused.contains(recipient)) {
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"This person isn't available right now.\",\"code\":551,"
                                + "\"error_subcode\":1545041}}").build();
            }
            return answer;
        }

        private static String recipient(RecordedRequest request) {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            int at = body.indexOf("\"id\":\"");
            return at < 0 ? "" : body.substring(at + 6, body.indexOf('"', at + 6));
        }
    }

    static final Graph GRAPH = new Graph();
    private static final MockWebServer SERVER = start();

    @LocalServerPort
    int port;

    @Autowired
    ConversationStore conversations;

    @Autowired
    ConversationLock lock;

    @Autowired
    HandoffQueue handoff;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    TextSealer sealer;

    @Autowired
    MeterRegistry meters;

    WebTestClient http;
    MessengerWebhookClient webhook;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + SERVER.getPort());
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        webhook = new MessengerWebhookClient(http, APP_SECRET);
    }

    @AfterEach
    void releaseHungSends() {
        GRAPH.hung.values().forEach(CountDownLatch::countDown);
    }

    @Test
    void twoThousandMessagesFromOnePersonDoNotDelayTheNextPerson() {
        String flood = psid();
        for (int batch = 0; batch < 40; batch++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                events.add(MessengerWebhookClient.text(flood, mid(), "tin nhan so " + (batch * 50 + i)));
            }
            webhook.post(MessengerWebhookClient.delivery(events.toArray(String[]::new))).expectStatus().isOk();
        }

        String next = psid();
        Instant posted = Instant.now();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(next, mid(), "chào bạn")))
                .expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> !GRAPH.calls.messagesTo(next).isEmpty());
        System.out.printf("2000 from one person, then another: answered in %d ms%n",
                Duration.between(posted, GRAPH.firstArrival.get(next)).toMillis());
        // The flood's backlog is bounded: its oldest ordinary messages were let go and counted.
        assertThat(meters.find("motcua.inbox.dropped").tag("channel", "messenger").counter().count()).isPositive();
    }

    @Test
    void twoHundredWebChatSessionsDoNotDelayACrisisOnMessenger() {
        Flux.range(0, 200)
                .flatMap(i -> Flux.defer(() -> {
                    String session = http.post().uri("/webchat/sessions").exchange().expectStatus().isCreated()
                            .expectBody(JsonNode.class).returnResult().getResponseBody().path("session").asString();
                    for (String text : List.of("chao ban", "cho minh hoi", "ly hon can giay to gi")) {
                        http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("session", session, "text", text)).exchange()
                                .expectStatus().isAccepted();
                    }
                    return Flux.just(session);
                }).subscribeOn(Schedulers.boundedElastic()), 8)
                .blockLast(Duration.ofSeconds(60));

        String inDanger = psid();
        Instant posted = Instant.now();
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(inDanger, mid(),
                "cứu tôi, anh ta đang đánh tôi"))).expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> !GRAPH.calls.messagesTo(inDanger).isEmpty());
        assertThat(GRAPH.calls.messagesTo(inDanger).get(0).text()).contains("113");
        System.out.printf("600 web-chat messages, then a crisis on Messenger: 113 reached the Send API in %d ms%n",
                Duration.between(posted, GRAPH.firstArrival.get(inDanger)).toMillis());
    }

    @Test
    void aHungSendApiForOnePersonDelaysNobodyElseAndTheirMessagesStillGoInOrder() {
        String stuck = psid();
        CountDownLatch gate = new CountDownLatch(1);
        GRAPH.hung.put(stuck, gate);
        post(stuck, "chào bạn");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> GRAPH.firstArrival.containsKey(stuck));

        String inDanger = psid();
        Instant posted = Instant.now();
        post(inDanger, "cứu tôi, anh ta đang đánh tôi");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> !GRAPH.calls.messagesTo(inDanger).isEmpty());
        assertThat(GRAPH.calls.messagesTo(inDanger).get(0).text()).contains("113");
        System.out.printf("One Send API hung: another person's crisis answer reached it in %d ms%n",
                Duration.between(posted, GRAPH.firstArrival.get(inDanger)).toMillis());

        post(stuck, "cho mình xin số đường dây nóng");
        post(stuck, "cảm ơn bạn");
        String id = ids.conversationId("messenger", stuck);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> personTurns(id) == 3);
        gate.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> botTurns(id).stream()
                .allMatch(t -> t.delivery() == Turn.Delivery.DELIVERED));
        List<String> decided = botTurns(id).stream().map(t -> sealer.open(t.sealedText())).toList();
        List<String> arrived = GRAPH.calls.messagesTo(stuck).stream().map(GraphApiStub.SendCall::text).toList();
        assertThat(String.join("", arrived)).isEqualTo(String.join("", decided));
    }

    @Test
    void fiftyConcurrentWritesToOneConversationLoseNothing() {
        String person = psid();
        String id = ids.conversationId("messenger", person);
        post(person, "chào bạn");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> conversations.find(id).block() != null);

        // 20 messages from the inbox (15 seen while another app owns the thread, so the bot stays silent) and
        // 20 caseworker notes written from outside a turn, all at once; the bot's replies add delivery reports.
        Flux<Object> fromInbox = Flux.range(0, 20).flatMap(i -> Flux.defer(() -> {
            String event = MessengerWebhookClient.text(person, mid(), "tin " + i);
            String delivery = i < 15
                    ? "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":1,\"standby\":[" + event + "]}]}"
                    : MessengerWebhookClient.delivery(event);
            webhook.post(delivery).expectStatus().isOk();
            return Flux.empty();
        }).subscribeOn(Schedulers.boundedElastic()));
        Flux<Object> fromCaseworkers = Flux.range(0, 20).flatMap(i -> lock.withLock(id, () -> conversations.find(id)
                        .flatMap(c -> conversations.save(c.withTurn(new Turn(Speaker.CASEWORKER, sealer.seal("ghi chú " + i),
                                null, Instant.now())))))
                .subscribeOn(Schedulers.parallel()).then(reactor.core.publisher.Mono.empty()));
        Flux.merge(fromInbox, fromCaseworkers).blockLast(Duration.ofSeconds(30));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> personTurns(id) == 21);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> botTurns(id).stream()
                .allMatch(t -> t.delivery() == Turn.Delivery.DELIVERED));
        Conversation conversation = conversations.find(id).block();
        assertThat(conversation.turns()).filteredOn(t -> t.speaker() == Speaker.CASEWORKER).hasSize(20);
        assertThat(conversation.turns()).filteredOn(t -> t.speaker() == Speaker.PERSON).hasSize(21);
    }

    @Test
    void anErasureWhileATurnIsInFlightLeavesNothingAndNothingIsSentAfterItsAnswer() {
        String person = psid();
        String id = ids.conversationId("messenger", person);
        CountDownLatch gate = new CountDownLatch(1);
        GRAPH.hung.put(person, gate);
        post(person, "chồng em đánh em, em không biết làm sao");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> GRAPH.firstArrival.containsKey(person));

        webhook.post(MessengerWebhookClient.delivery(
                "{\"sender\":{\"id\":\"" + person + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},\"timestamp\":1700000000000,"
                        + "\"postback\":{\"mid\":\"" + mid() + "\",\"title\":\"Xóa\",\"payload\":\"ERASE:CONFIRM\"}}"))
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> conversations.find(id).block() == null);
        gate.countDown();

        // The reply already at the Send API cannot be recalled; everything else decided before the erasure is
        // dropped, and the erasure's own answer is the last thing the person receives.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> GRAPH.calls.messagesTo(person).stream()
                .anyMatch(c -> c.text().contains("xóa")));
        List<GraphApiStub.SendCall> sent = GRAPH.calls.messagesTo(person);
        assertThat(sent.get(sent.size() - 1).text()).contains("xóa");
        assertThat(sent.size()).isLessThanOrEqualTo(2);
        assertThat(conversations.find(id).block()).isNull();
        assertThat(handoff.waiting().block()).noneMatch(e -> e.conversationId().equals(id));
    }

    @Test
    void aReplyThatFailsForGoodShowsAsFailedWithItsReason() {
        String person = psid();
        GRAPH.refused.add(person);
        String id = ids.conversationId("messenger", person);
        post(person, "chào bạn");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !botTurns(id).isEmpty()
                && botTurns(id).stream().allMatch(t -> t.delivery() == Turn.Delivery.FAILED));
        assertThat(botTurns(id)).allSatisfy(t -> assertThat(t.failure()).contains("not available"));
    }

    private void post(String psid, String text) {
        webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(psid, mid(), text)))
                .expectStatus().isOk();
    }

    private long personTurns(String id) {
        Conversation c = conversations.find(id).block();
        return c == null ? 0 : c.turns().stream().filter(t -> t.speaker() == Speaker.PERSON).count();
    }

    private List<Turn> botTurns(String id) {
        Conversation c = conversations.find(id).block();
        return c == null ? List.of() : c.turns().stream().filter(t -> t.speaker() == Speaker.BOT).toList();
    }

    private static String psid() {
        return "psid-" + UUID.randomUUID();
    }

    private static String mid() {
        return "mid." + UUID.randomUUID();
    }

    private static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(GRAPH);
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
