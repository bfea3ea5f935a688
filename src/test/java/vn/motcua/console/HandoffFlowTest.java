package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.MovableClock;
import vn.motcua.handoff.ClaimTimes;
import vn.motcua.handoff.WaitingWatch;
import vn.motcua.privacy.PseudonymousIds;

/**
 * A person on the web chat and caseworkers in the console, through the service's own HTTP API: what the person is
 * told, what the caseworker sees live, and who may do what when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER,minh:{noop}minh-password:CASEWORKER,"
                + "ops:{noop}ops-password:ADMIN",
        "motcua.handoff.check-interval=PT1H",
        "motcua.webchat.rate-limit=100"})
@Import(MovableClock.Config.class)
class HandoffFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    ClaimTimes claimTimes;

    @Autowired
    WaitingWatch watch;

    @Autowired
    MeterRegistry meters;

    WebTestClient http;
    WebTestClient lan;
    WebTestClient minh;

    @BeforeEach
    void connect() {
        http = ApiClient.anonymous(port);
        lan = ApiClient.signedIn(port, "lan", "lan-password");
        minh = ApiClient.signedIn(port, "minh", "minh-password");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anEscalatedPersonIsToldTheirPlaceAndTheLikelyWaitAndAppearsLiveInTheConsole() {
        // Someone waited six minutes earlier today: the likely wait comes from such recent claims.
        String earlier = escalatedSession();
        clock.advance(Duration.ofMinutes(6));
        claim(lan, earlier).expectStatus().isOk();
        List<Duration> recent = claimTimes.recent(20).block();
        long minutes = Math.max(1, (recent.stream().sorted().toList().get(recent.size() / 2).toSeconds() + 59) / 60);

        try (LiveStream console = LiveStream.open(lan, "/api/events", json, true)) {
            String session = openSession();
            try (LiveStream page = LiveStream.open(http, "/webchat/stream?session=" + session, json, false)) {
                say(session, "cho tôi gặp nhân viên tư vấn");
                String id = conversationOf(session);

                JsonNode queued = console.await(e -> "queue".equals(e.name()) && id.equals(e.data().path("id")
                        .asString())).data();
                assertThat(queued.path("state").asString()).isEqualTo("WAITING_FOR_HUMAN");
                assertThat(queued.path("priority").asString()).isEqualTo("NORMAL");
                assertThat(queued.path("channel").asString()).isEqualTo("webchat");
                assertThat(queued.path("lastIntent").asString()).isEqualTo("human_agent");
                console.await(e -> "message".equals(e.name()) && id.equals(e.data().path("conversationId").asString())
                        && "cho tôi gặp nhân viên tư vấn".equals(e.data().path("message").path("text").asString()));

                List<String> queue = queueIds(lan);
                int place = queue.indexOf(id) + 1;
                String told = page.await(e -> e.data() != null && e.data().path("text").asString()
                        .contains("hàng chờ")).data().path("text").asString();
                assertThat(told).contains("Mình đã báo cho nhân viên hỗ trợ", "vị trí thứ " + place,
                        "thời gian chờ dự kiến: khoảng " + minutes + " phút", "sẽ trả lời bạn ngay", "113", "111");
            }
        }
        assertThat(meters.find("motcua.handoff.time_to_claim").timer().count()).isPositive();
    }

    @Test
    void whileACaseworkerHasItTheBotIsSilentTheConsoleSeesEverythingAndACrisisSoundsTheAlarm() {
        String session = escalatedSession();
        String id = conversationOf(session);
        try (LiveStream console = LiveStream.open(lan, "/api/events", json, true);
             LiveStream page = LiveStream.open(http, "/webchat/stream?session=" + session, json, false)) {
            claim(lan, id).expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("WITH_HUMAN").jsonPath("$.assignee").isEqualTo("lan");

            lan.post().uri("/api/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "Chào bạn, mình là Lan, nhân viên hỗ trợ.")).exchange()
                    .expectStatus().isAccepted().expectBody().jsonPath("$.delivery").isEqualTo("PENDING");
            JsonNode shown = page.await(e -> e.data() != null && "caseworker".equals(e.data().path("from").asString()))
                    .data();
            assertThat(shown.path("text").asString()).isEqualTo("Chào bạn, mình là Lan, nhân viên hỗ trợ.");
            console.await(e -> "message".equals(e.name()) && "DELIVERED".equals(e.data().path("message")
                    .path("delivery").asString()) && "lan".equals(e.data().path("message").path("author").asString()));

            int before = page.all().size();
            say(session, "cảm ơn chị, em muốn hỏi về ly hôn");
            console.await(e -> "message".equals(e.name()) && "cảm ơn chị, em muốn hỏi về ly hôn"
                    .equals(e.data().path("message").path("text").asString()));
            say(session, "cứu em với, anh ta đang đánh em");
            JsonNode alert = console.await(e -> "alert".equals(e.name())
                    && id.equals(e.data().path("conversationId").asString())).data();
            assertThat(alert.path("reason").asString()).isEqualTo("crisis");
            assertThat(alert.path("priority").asString()).isEqualTo("CRITICAL");
            console.await(e -> "message".equals(e.name()) && "cứu em với, anh ta đang đánh em"
                    .equals(e.data().path("message").path("text").asString()));

            List<JsonNode> transcript = transcript(lan, id);
            assertThat(transcript).extracting(m -> m.path("from").asString()).endsWith("CASEWORKER", "PERSON", "PERSON");
            assertThat(page.all()).as("the bot said nothing while Lan had the conversation").hasSize(before);
            lan.get().uri("/api/conversations/{id}", id).exchange().expectBody()
                    .jsonPath("$.state").isEqualTo("WITH_HUMAN").jsonPath("$.assignee").isEqualTo("lan")
                    .jsonPath("$.priority").isEqualTo("CRITICAL");

            lan.post().uri("/api/conversations/{id}/release", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("BOT");
            JsonNode back = page.await(e -> e.data() != null && e.data().path("text").asString()
                    .contains("trợ lý tự động")).data();
            assertThat(back.path("from").asString()).isEqualTo("bot");
        }
    }

    @Test
    void ofTwoCaseworkersClaimingAtOnceOneGetsItAndTheOtherIsToldWhoHasIt() {
        String id = conversationOf(escalatedSession());
        List<EntityExchangeResult<String>> results = Flux.merge(
                        claimOnAThread(lan, id), claimOnAThread(minh, id))
                .collectList().block(Duration.ofSeconds(20));

        assertThat(results).extracting(r -> r.getStatus().value()).containsExactlyInAnyOrder(200, 409);
        EntityExchangeResult<String> won = results.stream().filter(r -> r.getStatus().value() == 200).findFirst()
                .orElseThrow();
        EntityExchangeResult<String> lost = results.stream().filter(r -> r.getStatus().value() == 409).findFirst()
                .orElseThrow();
        String holder = json.readTree(won.getResponseBody()).path("assignee").asString();
        JsonNode refusal = json.readTree(lost.getResponseBody());
        assertThat(refusal.path("error").asString()).isEqualTo("claimed");
        assertThat(refusal.path("assignee").asString()).isEqualTo(holder);
        assertThat(refusal.path("message").asString()).isEqualTo(holder + " đang hỗ trợ cuộc trò chuyện này.");
    }

    @Test
    void whenNobodyIsOnDutyThePersonIsToldSoHonestlyAtMostOnceADayAndStaysInTheQueue() {
        // Time only moves forward here, and further than any other test moves it: nobody was seen in the console
        // in the last two minutes.
        clock.advance(Duration.ofDays(10));
        String session = openSession();
        try (LiveStream page = LiveStream.open(http, "/webchat/stream?session=" + session, json, false)) {
            say(session, "cho tôi gặp nhân viên");
            String told = page.await(e -> e.data() != null && e.data().path("text").asString().contains("hàng chờ"))
                    .data().path("text").asString();
            assertThat(told).contains("không có nhân viên hỗ trợ nào đang trực", "Bạn vẫn ở trong hàng chờ", "113",
                    "111").doesNotContain("ngay");
            String id = conversationOf(session);
            assertThat(queueIds(lan)).contains(id);

            // Given back to the bot, five hours later asking again: the place, no promise, not told again.
            claim(lan, id).expectStatus().isOk();
            lan.post().uri("/api/conversations/{id}/release", id).exchange().expectStatus().isOk();
            page.await(e -> e.data() != null && e.data().path("text").asString().contains("trợ lý tự động"));
            clock.advance(Duration.ofHours(5));
            int before = page.all().size();
            say(session, "cho tôi gặp nhân viên");
            String again = page.awaitAfter(before, e -> e.data() != null
                    && e.data().path("text").asString().contains("hàng chờ")).data().path("text").asString();
            assertThat(again).contains("vị trí thứ").doesNotContain("không có nhân viên hỗ trợ nào đang trực", "ngay");

            // A day after it was said, it is said again.
            claim(lan, id).expectStatus().isOk();
            lan.post().uri("/api/conversations/{id}/release", id).exchange().expectStatus().isOk();
            clock.advance(Duration.ofHours(20));
            int later = page.all().size();
            say(session, "cho tôi gặp nhân viên");
            String nextDay = page.awaitAfter(later, e -> e.data() != null
                    && e.data().path("text").asString().contains("hàng chờ")).data().path("text").asString();
            assertThat(nextDay).contains("không có nhân viên hỗ trợ nào đang trực");
        }
    }

    @Test
    void aConversationWaitingTooLongAlertsAgainRisesAndIsNeverHandedBackToTheBot() {
        String session = escalatedSession();
        String id = conversationOf(session);
        double before = meters.counter("motcua.handoff.realerts").count();
        try (LiveStream console = LiveStream.open(lan, "/api/events", json, true)) {
            clock.advance(Duration.ofMinutes(16));
            watch.check().block();
            JsonNode alert = console.await(e -> "alert".equals(e.name())
                    && id.equals(e.data().path("conversationId").asString())).data();
            assertThat(alert.path("reason").asString()).isEqualTo("overdue");
            console.await(e -> "queue".equals(e.name()) && id.equals(e.data().path("id").asString())
                    && e.data().path("overdue").asBoolean());

            clock.advance(Duration.ofMinutes(16));
            watch.check().block();
            Awaitility.awaitCount(console, id, 2);
        }
        assertThat(meters.counter("motcua.handoff.realerts").count() - before).isGreaterThanOrEqualTo(2);
        lan.get().uri("/api/conversations/{id}", id).exchange().expectBody()
                .jsonPath("$.state").isEqualTo("WAITING_FOR_HUMAN").jsonPath("$.overdue").isEqualTo(true);
        assertThat(transcript(lan, id)).extracting(m -> m.path("from").asString()).last().isEqualTo("BOT");
        assertThat(meters.find("motcua.handoff.waiting").tag("priority", "NORMAL").gauge().value()).isPositive();
    }

    @Test
    void aCaseworkerWritesNotesAndReferralsAndTheAuditLogHoldsEveryStepWithoutText() {
        String id = conversationOf(escalatedSession());
        claim(lan, id).expectStatus().isOk();
        lan.post().uri("/api/conversations/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Chồng hay kiểm tra điện thoại")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.author").isEqualTo("lan");
        lan.put().uri("/api/conversations/{id}/safe-contact", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("when", "sau 20 giờ", "callAllowed", false)).exchange().expectStatus().isOk();
        String service = lan.get().uri("/api/services").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get(0).path("id").asString();
        JsonNode referral = lan.post().uri("/api/conversations/{id}/referrals", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("serviceId", service, "note", "Gọi trước"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(referral.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(referral.path("serviceName").asString()).isNotBlank();
        String referralId = referral.path("id").asString();
        for (String status : List.of("AGREED", "MADE", "COMPLETED")) {
            minh.patch().uri("/api/referrals/{id}", referralId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo(status);
        }
        minh.patch().uri("/api/referrals/{id}", referralId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "DECLINED")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("invalid_transition");
        JsonNode open = lan.get().uri("/api/conversations/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(open.path("notes").get(0).path("text").asString()).isEqualTo("Chồng hay kiểm tra điện thoại");
        assertThat(open.path("safeContact").path("when").asString()).isEqualTo("sau 20 giờ");
        assertThat(transcript(lan, id)).extracting(m -> m.path("text").asString())
                .as("notes never reach the person").doesNotContain("Chồng hay kiểm tra điện thoại");
        lan.post().uri("/api/conversations/{id}/close", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "Đã giới thiệu", "referrals", List.of(referralId))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CLOSED");

        // A closed case keeps only its outcome and referrals: no transcript, notes or safe contact (issue 13).
        JsonNode detail = lan.get().uri("/api/conversations/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(detail.path("notes").size()).isZero();
        assertThat(detail.path("safeContact").isNull() || detail.path("safeContact").isMissingNode()).isTrue();
        assertThat(detail.path("referrals").get(0).path("history").size()).isEqualTo(4);
        assertThat(detail.path("outcome").asString()).isEqualTo("Đã giới thiệu");
        assertThat(transcript(lan, id)).isEmpty();

        WebTestClient ops = ApiClient.signedIn(port, "ops", "ops-password");
        String audit = ops.get().uri("/api/audit?conversationId={id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode entries = json.readTree(audit);
        assertThat(entries.valueStream().map(e -> e.path("action").asString()).toList()).contains("CLAIM", "NOTE",
                "SAFE_CONTACT", "REFERRAL_PROPOSED", "REFERRAL_UPDATED", "CLOSE");
        assertThat(entries.valueStream().filter(e -> e.path("action").asString().startsWith("REFERRAL")).count())
                .isEqualTo(4);
        assertThat(audit).doesNotContain("Chồng hay", "20 giờ", "Gọi trước", "Đã giới thiệu", "cho tôi gặp");
    }

    @Test
    void cannedRepliesAreListedWithTheirShortcuts() {
        JsonNode replies = lan.get().uri("/api/canned-replies").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(replies.valueStream().map(r -> r.path("shortcut").asString()).toList()).contains("/chao");
        assertThat(replies.valueStream().allMatch(r -> !r.path("text").asString().isBlank())).isTrue();
    }

    // ---- the person's side ----

    private String openSession() {
        return http.post().uri("/webchat/sessions").exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("session").asString();
    }

    private void say(String session, String text) {
        http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("session", session, "text", text)).exchange().expectStatus().isAccepted();
    }

    /** A web chat session whose person asked for a caseworker and is now in the queue. */
    private String escalatedSession() {
        String session = openSession();
        say(session, "cho tôi gặp nhân viên tư vấn");
        String id = conversationOf(session);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> queueIds(lan).contains(id));
        return session;
    }

    private String conversationOf(String session) {
        return session.length() > 40 ? session : ids.conversationId("webchat", session);
    }

    // ---- the caseworker's side ----

    private List<String> queueIds(WebTestClient who) {
        JsonNode list = who.get().uri("/api/conversations").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return list.valueStream().map(n -> n.path("id").asString()).toList();
    }

    private WebTestClient.ResponseSpec claim(WebTestClient who, String idOrSession) {
        return who.post().uri("/api/conversations/{id}/claim", conversationOf(idOrSession)).exchange();
    }

    private Mono<EntityExchangeResult<String>> claimOnAThread(WebTestClient who, String id) {
        Callable<EntityExchangeResult<String>> call = () -> who.post().uri("/api/conversations/{id}/claim", id)
                .exchange().expectBody(String.class).returnResult();
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private List<JsonNode> transcript(WebTestClient who, String id) {
        return who.get().uri("/api/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().valueStream().toList();
    }

    /** Waits for the n-th alert about one conversation. */
    private static final class Awaitility {
        static void awaitCount(LiveStream console, String id, int n) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> console.all().stream()
                    .filter(e -> "alert".equals(e.name()) && id.equals(e.data().path("conversationId").asString()))
                    .count() >= n);
        }
    }
}
