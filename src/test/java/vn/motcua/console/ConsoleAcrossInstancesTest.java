package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.motcua.MotcuaApplication;
import vn.motcua.MovableClock;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * Two instances of the whole service on one Redis prefix, as behind a load balancer with {@code MOTCUA_STORE=redis}:
 * a caseworker's sign-in, made on one, holds on the other (session cookie and CSRF token alike), signing out on
 * either ends it on both, and an attacker who spreads wrong passwords over both is locked out as soon as on one.
 */
class ConsoleAcrossInstancesTest {

    private static final RedisScope SCOPE = RedisTestSupport.scope("console-instances");
    private static final Duration IDLE = Duration.ofMinutes(20);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        SCOPE.close();
    }

    private static ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(RedisTestSupport.properties(SCOPE.prefix()).stream()
                .map(p -> "--" + p).toList());
        args.addAll(List.of("--server.port=0", "--management.server.port=0", "--motcua.secret=console-instances",
                "--motcua.console.users=lan:{noop}lan-password:CASEWORKER,minh:{noop}minh-password:CASEWORKER",
                "--motcua.console.max-failures=3", "--motcua.console.max-failures-per-address=1000",
                "--motcua.console.lock-base=PT1M", "--motcua.console.lock-max=PT4M",
                "--server.reactive.session.timeout=" + IDLE, "--server.forward-headers-strategy=framework"));
        return new SpringApplicationBuilder(MotcuaApplication.class, MovableClock.Config.class)
                .run(args.toArray(String[]::new));
    }

    @Test
    void aCaseworkerSignedInOnOneInstanceWorksOnTheOtherAndSigningOutThereEndsTheSessionOnBoth() {
        Browser browser = new Browser();
        browser.cookies.put("MOTCUA_SESSION", "planted-session-id");
        ResponseCookie session = browser.signIn(a, "lan", "lan-password");
        assertThat(session.getValue()).as("a session id held before signing in is not the signed-in one")
                .isNotEqualTo("planted-session-id");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        // The load balancer sends the next requests to B.
        EntityExchangeResult<byte[]> me = browser.send(b, http -> http.get().uri("/api/me"));
        assertThat(me.getStatus().value()).isEqualTo(200);
        assertThat(json(me).path("name").asString()).isEqualTo("lan");
        assertThat(json(me).path("roles").get(0).asString()).isEqualTo("CASEWORKER");
        // A change on B with the CSRF token the page got from A passes both checks and reaches the desk.
        EntityExchangeResult<byte[]> claim = browser.send(b, http -> http.post().uri("/api/conversations/x/claim")
                .header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN")));
        assertThat(claim.getStatus().value()).isEqualTo(404);
        assertThat(json(claim).path("error").asString()).isEqualTo("not_found");

        List<String> stored = SCOPE.template().scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
                .match(SCOPE.prefix() + "console-session:*").build()).collectList().block(Duration.ofSeconds(10));
        assertThat(stored).as("one signed-in session, under the prefix")
                .containsExactly(SCOPE.prefix() + "console-session:sessions:" + session.getValue());
        assertThat(SCOPE.template().getExpire(stored.get(0)).block(Duration.ofSeconds(10)))
                .as("it goes after MOTCUA_SESSION_IDLE without a request")
                .isLessThanOrEqualTo(IDLE).isGreaterThan(IDLE.minusMinutes(1));
        assertThat(SCOPE.template().<String, String>opsForHash().keys(stored.get(0)).collectList()
                .block(Duration.ofSeconds(10)))
                .as("who signed in and when (docs/architecture.md): nothing about the people who write in")
                .containsExactlyInAnyOrder("creationTime", "lastAccessedTime", "maxInactiveInterval",
                        "sessionAttr:SPRING_SECURITY_CONTEXT", "sessionAttr:" + SecurityConfiguration.SIGNED_IN_AT);

        EntityExchangeResult<byte[]> signedOut = browser.send(b, http -> http.post().uri("/console/logout")
                .header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN")));
        assertThat(signedOut.getStatus().value()).isEqualTo(302);
        assertThat(signedOut.getResponseHeaders().getLocation()).hasToString("/console/login?logout");
        anonymous(a).get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange()
                .expectStatus().isUnauthorized();
        anonymous(b).get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theTwelveHourLimitOfASignInMadeOnOneInstanceHoldsOnTheOther() {
        ResponseCookie session = new Browser().signIn(a, "lan", "lan-password");
        MovableClock clockOfB = b.getBean(MovableClock.class);
        try {
            clockOfB.advance(Duration.ofHours(12).plusMinutes(1));
            anonymous(b).get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange()
                    .expectStatus().isUnauthorized();
        } finally {
            clockOfB.reset();
        }
        anonymous(a).get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void wrongPasswordsSpreadOverBothInstancesLockTheAccountAsSoonAsOnOne() {
        // Three tries, from three addresses, over both instances: the third locks minh (max-failures=3).
        basic(a, "203.0.113.1", "minh", "guess-1").expectStatus().isUnauthorized();
        basic(b, "203.0.113.2", "minh", "guess-2").expectStatus().isUnauthorized();
        basic(a, "203.0.113.3", "minh", "guess-3").expectStatus().isUnauthorized();

        for (ConfigurableApplicationContext instance : List.of(b, a)) {
            String wait = basic(instance, "203.0.113.4", "minh", "minh-password").expectStatus().isEqualTo(429)
                    .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            assertThat(Long.parseLong(wait)).as("the first wait, on either instance").isBetween(55L, 60L);
        }
        basic(b, "203.0.113.4", "lan", "lan-password").expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec basic(ConfigurableApplicationContext instance, String address,
                                                    String user, String password) {
        return anonymous(instance).get().uri("/api/me").header("X-Forwarded-For", address)
                .headers(h -> h.setBasicAuth(user, password)).exchange();
    }

    private static tools.jackson.databind.JsonNode json(EntityExchangeResult<byte[]> result) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(result.getResponseBody());
    }

    private static WebTestClient anonymous(ConfigurableApplicationContext instance) {
        return ApiClient.anonymous(instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** A browser behind the load balancer: one cookie jar, whichever instance answers. */
    private static final class Browser {

        final Map<String, String> cookies = new ConcurrentHashMap<>();

        ResponseCookie signIn(ConfigurableApplicationContext instance, String user, String password) {
            assertThat(send(instance, http -> http.get().uri(SecurityConfiguration.LOGIN)).getStatus().value())
                    .isEqualTo(200);
            String token = cookies.get("XSRF-TOKEN");
            EntityExchangeResult<byte[]> signedIn = send(instance, http -> http.post().uri(SecurityConfiguration.LOGIN)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("username", user).with("password", password).with("_csrf", token)));
            assertThat(signedIn.getStatus().value()).isEqualTo(302);
            assertThat(signedIn.getResponseHeaders().getLocation()).hasToString(SecurityConfiguration.CONSOLE_HOME);
            ResponseCookie session = signedIn.getResponseCookies().getFirst("MOTCUA_SESSION");
            assertThat(session).as("the sign-in sets the session cookie").isNotNull();
            return session;
        }

        EntityExchangeResult<byte[]> send(ConfigurableApplicationContext instance,
                                          Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
            WebTestClient http = anonymous(instance).mutate()
                    .defaultCookies(jar -> cookies.forEach(jar::add)).build();
            EntityExchangeResult<byte[]> response = request.apply(http).exchange().expectBody().returnResult();
            response.getResponseCookies().forEach((name, set) -> set.forEach(cookie -> {
                if (cookie.getMaxAge().isZero()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, cookie.getValue());
                }
            }));
            return response;
        }
    }
}
