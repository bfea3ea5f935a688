package vn.motcua;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import mockwebserver3.MockWebServer;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.messenger.GraphApiStub;
import vn.motcua.channel.messenger.MessengerWebhookClient;
import vn.motcua.console.ApiClient;
import vn.motcua.inbox.InboxQueue;
import vn.motcua.outbox.Outbox;
import vn.motcua.privacy.PseudonymousIds;

/**
 * The whole service with Messenger (Graph API stubbed), the web chat and the console, and a person who tells it
 * things that must never be readable at rest or in a log: a full name, phone numbers, an address. The stores are
 * whichever {@code motcua.store} selects: a subclass that sets the Redis properties runs the same checks on Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=" + PersonalDataScenario.SECRET,
        "motcua.data-key=k1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
        "motcua.messenger.app-secret=" + PersonalDataScenario.APP_SECRET,
        "motcua.messenger.page-token=scenario-page-token",
        "motcua.messenger.verify-token=scenario-verify-token",
        "motcua.handoff.messenger-human-agent=true",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER"})
abstract class PersonalDataScenario {

    static final String SECRET = "a-server-secret-for-the-personal-data-tests";
    static final String APP_SECRET = "scenario-app-secret";

    /** What the person writes: a full name, two phone numbers, an address. */
    static final String NAME = "Nguyễn Thị Hoa";
    static final String PHONE = "0909 123 456";
    static final String PHONE_DIGITS = "0909123456";
    static final String ADDRESS = "số 12 đường Lê Lợi, phường Bến Thành";
    static final List<String> PERSON_WRITES = List.of(
            "Tôi là " + NAME + ", chồng tôi đánh tôi",
            "số của tôi là " + PHONE + ", nhà ở " + ADDRESS,
            "cứu tôi, anh ta đang đánh tôi, gọi giúp tôi số +84 912 345 678");
    /** What the caseworker writes about the person. */
    static final String REPLY = "Chị Hoa ơi, em là Lan, chị gọi em qua 0283 829 1234 nhé";
    static final String NOTE = "Chồng tên Trần Văn Nam, số 0912 345 678, làm ở chợ Bến Thành";
    static final String SAFE_WHEN = "sau 20 giờ, gọi 0909123456";
    static final String REFERRAL_NOTE = "Hẹn luật sư Phạm Minh thứ Hai";

    /** Found nowhere at rest and in no log line, ever. Each holds a character base64 never has. */
    static final Set<String> NEVER_IN_CLEAR = Set.of(NAME, PHONE, PHONE_DIGITS, "912 345 678", "Lê Lợi", "đánh tôi",
            "Chị Hoa ơi", "829 1234", "Trần Văn Nam", "0912 345 678", "sau 20 giờ", "Phạm Minh");

    static final GraphApiStub GRAPH = new GraphApiStub();
    private static final MockWebServer GRAPH_SERVER = GRAPH.serve();
    private static final Random RANDOM = new Random(13);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    InboxQueue inbox;

    @Autowired
    Outbox outbox;

    @Autowired
    ObjectMapper json;

    WebTestClient http;
    MessengerWebhookClient webhook;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("motcua.messenger.graph-url", () -> "http://127.0.0.1:" + GRAPH_SERVER.getPort());
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
        webhook = new MessengerWebhookClient(http, APP_SECRET);
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    /** A page-scoped id as Messenger gives them: 16 digits. */
    static synchronized String newPsid() {
        StringBuilder psid = new StringBuilder("7");
        for (int i = 0; i < 15; i++) {
            psid.append(RANDOM.nextInt(10));
        }
        return psid.toString();
    }

    /** One text from the person, signed, timestamped now. */
    void messengerText(String psid, String text) {
        String event = json.writeValueAsString(Map.of("sender", Map.of("id", psid), "recipient", Map.of("id", "PAGE_ID"),
                "timestamp", System.currentTimeMillis(), "message", Map.of("mid", "mid." + UUID.randomUUID(),
                        "text", text)));
        webhook.post("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":" + System.currentTimeMillis()
                + ",\"messaging\":[" + event + "]}]}").expectStatus().isOk();
    }

    /** The person writes everything on Messenger, gets every answer, and a caseworker writes about them. */
    String messengerConversationWithACaseworker(String psid) {
        int answered = 0;
        for (String text : PERSON_WRITES) {
            messengerText(psid, text);
            int before = answered;
            eventually().until(() -> GRAPH.messagesTo(psid).size() > before);
            answered = GRAPH.messagesTo(psid).size();
        }
        String id = ids.conversationId("messenger", psid);
        WebTestClient lan = ApiClient.signedIn(port, "lan", "lan-password");
        eventually().until(() -> lan.get().uri("/api/conversations/{id}", id).exchange().returnResult(String.class)
                .getStatus().value() == 200);
        lan.post().uri("/api/conversations/{id}/claim", id).exchange().expectStatus().isOk();
        lan.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", REPLY)).exchange().expectStatus().isAccepted();
        lan.post().uri("/api/conversations/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", NOTE)).exchange().expectStatus().isCreated();
        lan.put().uri("/api/conversations/{id}/safe-contact", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("when", SAFE_WHEN, "callAllowed", true)).exchange().expectStatus().isOk();
        String service = lan.get().uri("/api/services").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get(0).path("id").asString();
        lan.post().uri("/api/conversations/{id}/referrals", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("serviceId", service, "note", REFERRAL_NOTE)).exchange().expectStatus().isCreated();
        int sent = answered;
        eventually().until(() -> GRAPH.messagesTo(psid).size() > sent);
        settled();
        return id;
    }

    /** Nothing waiting in the inbox or the outbox: what is left is what is kept. */
    void settled() {
        eventually().until(() -> inbox.pending() == 0 && outbox.pending() == 0);
    }

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    String openWebChat() {
        return http.post().uri("/webchat/sessions").exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("session").asString();
    }

    void webChat(String session, String text) {
        http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session", session, "text", text)).exchange().expectStatus().isAccepted();
    }

    void webChatTap(String session, String payload, String title) {
        http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session", session, "payload", payload, "text", title)).exchange()
                .expectStatus().isAccepted();
    }

    Flux<JsonNode> webChatStream(String session) {
        return http.get().uri("/webchat/stream?session={session}", session).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(event -> event.data() != null)
                .map(event -> json.readTree(event.data()));
    }

    List<StoreContents.Stored> stored() {
        return StoreContents.of(context);
    }
}
