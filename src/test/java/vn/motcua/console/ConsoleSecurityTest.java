package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import vn.motcua.MovableClock;

/** Who may do what in the console and its API, and how signing in behaves, as a browser or an API client sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER,camp:{noop}camp-password:CAMPAIGN,"
                + "ops:{noop}ops-password:ADMIN,victim:{noop}victim-password:CASEWORKER",
        "motcua.console.max-failures=3",
        "motcua.console.max-failures-per-address=1000",
        "motcua.console.lock-base=PT1M",
        "motcua.console.lock-max=PT4M",
        "management.server.port=0",
        "motcua.console.heartbeat=PT0.2S"})
@Import(MovableClock.Config.class)
class ConsoleSecurityTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MovableClock clock;

    @Autowired
    tools.jackson.databind.ObjectMapper json;

    @Autowired
    org.springframework.web.server.session.WebSessionManager sessions;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = ApiClient.anonymous(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyConsoleAndApiRouteRefusesAnAnonymousRequest() {
        // A valid CSRF token, so that what refuses the request is the missing sign-in, not the missing token.
        String token = csrfFromLoginPage();
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (!path.startsWith("/api/") && !path.startsWith("/console")) {
                    continue;
                }
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                        .getMethods();
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    if (path.equals("/console/login")) {
                        continue;
                    }
                    String uri = path.replaceAll("\\{[^}]+}", "x") + (path.equals("/api/audit") ? "?conversationId=x" : "");
                    http.method(HttpMethod.valueOf(method.name())).uri(uri)
                            .cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
                            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                            .exchange()
                            .expectStatus().isUnauthorized()
                            .expectBody().jsonPath("$.error").isEqualTo("unauthenticated");
                    checked.add(method + " " + uri);
                }
            }
        }
        assertThat(checked).contains("GET /api/conversations", "POST /api/conversations/x/claim",
                "POST /api/conversations/x/messages", "PATCH /api/referrals/x", "GET /api/events",
                "POST /api/nlu/parse", "POST /api/content/reload", "GET /api/canned-replies", "GET /console");
        http.get().uri("/api/campaigns").exchange().expectStatus().isUnauthorized();
        WebTestClient management = ApiClient.anonymous(managementPort);
        for (String operator : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            management.get().uri(operator).exchange().expectStatus().isUnauthorized();
        }
        // A browser asking for the console page is sent to the sign-in form.
        http.get().uri("/console/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectHeader().location("/console/login");
    }

    @Test
    void thePersonsSideNeedsNoSignIn() {
        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/widget.js").exchange().expectStatus().isOk();
        http.get().uri("/assets/chat.js").exchange().expectStatus().isOk();
        http.get().uri("/webchat/config.js").exchange().expectStatus().isOk();
        http.post().uri("/webchat/sessions").exchange().expectStatus().isCreated();
        ApiClient.anonymous(managementPort).get().uri("/actuator/health").exchange().expectStatus().isOk();
        // The web chat keeps its own headers: nothing from the console's sign-in is added to them.
        http.get().uri("/").exchange().expectHeader().doesNotExist("X-Frame-Options")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void aCaseworkerCannotUseAdminOrCampaignRoutesAndEachRoleOnlyItsOwn() {
        WebTestClient lan = ApiClient.signedIn(port, "lan", "lan-password");
        lan.get().uri("/api/conversations").exchange().expectStatus().isOk();
        lan.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "chào"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("forbidden");
        lan.post().uri("/api/content/reload").exchange().expectStatus().isForbidden();
        lan.get().uri("/api/audit?conversationId=x").exchange().expectStatus().isForbidden();
        lan.get().uri("/api/campaigns").exchange().expectStatus().isForbidden();
        ApiClient.anonymous(managementPort).get().uri("/actuator/metrics")
                .headers(h -> h.setBasicAuth("lan", "lan-password")).exchange().expectStatus().isForbidden();

        WebTestClient camp = ApiClient.signedIn(port, "camp", "camp-password");
        camp.get().uri("/api/conversations").exchange().expectStatus().isForbidden();
        camp.get().uri("/api/events").exchange().expectStatus().isForbidden();

        WebTestClient ops = ApiClient.signedIn(port, "ops", "ops-password");
        ops.get().uri("/api/conversations").exchange().expectStatus().isForbidden();
        ops.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "chào"))
                .exchange().expectStatus().isOk();
        ops.post().uri("/api/content/reload").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.applied").isEqualTo(true);
        ApiClient.anonymous(managementPort).get().uri("/actuator/metrics")
                .headers(h -> h.setBasicAuth("ops", "ops-password")).exchange().expectStatus().isOk();
        ops.get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("ops").jsonPath("$.roles[0]").isEqualTo("ADMIN");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        http.post().uri("/api/conversations/x/claim").headers(h -> h.setBasicAuth("lan", "lan-password"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("csrf");
        http.post().uri("/api/conversations/x/claim").headers(h -> h.setBasicAuth("lan", "lan-password"))
                .cookie("XSRF-TOKEN", "forged").header("X-XSRF-TOKEN", "other")
                .exchange().expectStatus().isForbidden();
        // With the token, the same request passes the check (and finds no such conversation).
        ApiClient.signedIn(port, "lan", "lan-password").post().uri("/api/conversations/x/claim")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("not_found");
        // The sign-in form too.
        http.post().uri("/console/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "lan").with("password", "lan-password"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void signingInWithTheFormGivesAFreshHttpOnlyStrictSessionThatEndsAfterTwelveHours() {
        ResponseCookie first = signIn("lan", "lan-password", null);
        assertThat(first.isHttpOnly()).isTrue();
        assertThat(first.getSameSite()).isEqualTo("Strict");
        http.get().uri("/api/me").cookie(first.getName(), first.getValue()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("lan");

        // Signing in again from a session already held gives a new session id.
        ResponseCookie second = signIn("lan", "lan-password", first);
        assertThat(second.getValue()).isNotEqualTo(first.getValue());

        clock.advance(Duration.ofHours(12).plusMinutes(1));
        http.get().uri("/api/me").cookie(second.getName(), second.getValue()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequest() {
        var store = ((org.springframework.web.server.session.DefaultWebSessionManager) sessions).getSessionStore();
        assertThat(store.createWebSession().block().getMaxIdleTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withTheMemoryStoreSessionsStayInProcessWithoutSpringSessionOrARedisClient() {
        var store = ((org.springframework.web.server.session.DefaultWebSessionManager) sessions).getSessionStore();
        assertThat(store).isInstanceOf(org.springframework.web.server.session.InMemoryWebSessionStore.class);
        assertThat(context.getBeanNamesForType(org.springframework.session.ReactiveSessionRepository.class)).isEmpty();
        assertThat(context.getBeanNamesForType(
                org.springframework.data.redis.connection.ReactiveRedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(LoginFailures.class)).isInstanceOf(InMemoryLoginFailures.class);
    }

    @Test
    void aWrongPasswordSendsTheFormBackAndSigningOutEndsTheSession() {
        String token = csrfFromLoginPage();
        http.post().uri("/console/login").cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "lan").with("password", "wrong").with("_csrf", token))
                .exchange().expectStatus().isFound().expectHeader().location("/console/login?error");

        ResponseCookie session = signIn("lan", "lan-password", null);
        String after = csrf(http.get().uri("/api/me").cookie(session.getName(), session.getValue()).exchange()
                .expectStatus().isOk().expectBody().returnResult());
        WebTestClient withSession = http.mutate().defaultCookie(session.getName(), session.getValue()).build();
        try (LiveStream events = LiveStream.open(withSession, "/api/events", json, true)) {
            http.post().uri("/console/logout").cookie(session.getName(), session.getValue())
                    .cookie("XSRF-TOKEN", after).header("X-XSRF-TOKEN", after)
                    .exchange().expectStatus().isFound().expectHeader().location("/console/login?logout");
            // The console's live stream ends with the session.
            events.awaitEnd();
        }
        http.get().uri("/api/me").cookie(session.getName(), session.getValue()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            String guess = "guess-" + i;
            http.get().uri("/api/me").headers(h -> h.setBasicAuth("victim", guess))
                    .exchange().expectStatus().isUnauthorized();
        }
        http.get().uri("/api/me").headers(h -> h.setBasicAuth("victim", "victim-password"))
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.error").isEqualTo("locked");
        String token = csrfFromLoginPage();
        http.post().uri("/console/login").cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "victim").with("password", "victim-password")
                        .with("_csrf", token))
                .exchange().expectStatus().isFound().expectHeader().location("/console/login?locked");

        clock.advance(Duration.ofMinutes(2));
        http.get().uri("/api/me").headers(h -> h.setBasicAuth("victim", "victim-password"))
                .exchange().expectStatus().isOk();
    }

    /** Signs in through the form, as the login page does; returns the session cookie. */
    private ResponseCookie signIn(String user, String password, ResponseCookie existing) {
        String token = csrfFromLoginPage();
        WebTestClient.RequestBodySpec post = http.post().uri("/console/login");
        if (existing != null) {
            post = post.cookie(existing.getName(), existing.getValue());
        }
        EntityExchangeResult<byte[]> result = post.cookie("XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user).with("password", password).with("_csrf", token))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/")
                .expectBody().returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("MOTCUA_SESSION");
        assertThat(session).as("a session cookie is set at sign-in").isNotNull();
        return session;
    }

    private String csrfFromLoginPage() {
        return csrf(http.get().uri("/console/login").exchange().expectBody().returnResult());
    }

    private static String csrf(EntityExchangeResult<byte[]> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(cookie).as("the XSRF-TOKEN cookie is written on GET").isNotNull();
        assertThat(cookie.isHttpOnly()).as("the page's script must read it").isFalse();
        return cookie.getValue();
    }
}
