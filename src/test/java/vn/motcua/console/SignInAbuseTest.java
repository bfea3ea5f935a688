package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.motcua.MovableClock;

/**
 * Issue 13, "sign-in abuse", checked as an attacker would meet it: headers on every console and API answer, HSTS
 * only behind TLS, the lockout per address (with its back-off), and no session id that outlives a sign-in. The
 * service sits behind a proxy here (forwarded headers trusted), as README's production setup says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret",
        "motcua.console.users=lan:{noop}lan-password:CASEWORKER,minh:{noop}minh-password:CASEWORKER",
        "motcua.console.max-failures=100",
        "motcua.console.max-failures-per-address=3",
        "motcua.console.lock-base=PT1M",
        "motcua.console.lock-max=PT8M",
        "server.forward-headers-strategy=framework"})
@Import(MovableClock.Config.class)
class SignInAbuseTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyConsoleAndApiAnswerForbidsFramingInlineScriptAndReferrersAndHstsComesOnlyBehindTls() {
        WebTestClient http = ApiClient.anonymous(port);
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/console/login", "/console/", "/api/me", "/api/conversations",
                "/console/assets/console.js")) {
            HttpHeaders headers = http.get().uri(path).exchange().returnResult(String.class).getResponseHeaders();
            String csp = headers.getFirst("Content-Security-Policy");
            if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("script-src 'self'")
                    || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                wrong.add(path + ": Content-Security-Policy " + csp);
            }
            if (!"DENY".equals(headers.getFirst("X-Frame-Options"))) {
                wrong.add(path + ": X-Frame-Options " + headers.getFirst("X-Frame-Options"));
            }
            if (!"no-referrer".equals(headers.getFirst("Referrer-Policy"))) {
                wrong.add(path + ": Referrer-Policy " + headers.getFirst("Referrer-Policy"));
            }
            if (headers.getFirst("Strict-Transport-Security") != null) {
                wrong.add(path + ": HSTS over plain HTTP");
            }
            HttpHeaders behindTls = http.get().uri(path).header("X-Forwarded-Proto", "https").exchange()
                    .returnResult(String.class).getResponseHeaders();
            String hsts = behindTls.getFirst("Strict-Transport-Security");
            if (hsts == null || !hsts.contains("max-age=31536000") || !hsts.contains("includeSubDomains")) {
                wrong.add(path + ": behind TLS, Strict-Transport-Security " + hsts);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theConsolePagesHoldNoInlineScriptSoTheirPolicyNeedsNone() throws IOException {
        List<String> inline = new ArrayList<>();
        Pattern script = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> pages = Files.list(Path.of("src/main/resources/static/console"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                Matcher m = script.matcher(html);
                while (m.find()) {
                    inline.add(page.getFileName() + ": " + m.group());
                }
                Matcher h = handler.matcher(html);
                while (h.find()) {
                    inline.add(page.getFileName() + ": inline handler" + h.group());
                }
                if (html.contains("javascript:")) {
                    inline.add(page.getFileName() + ": javascript: URL");
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void oneAddressGuessingPasswordsIsLockedForEveryAccountWithAWaitThatDoublesWhileOtherAddressesAreNot() {
        WebTestClient http = ApiClient.anonymous(port);
        String attacker = "203.0.113.7";
        for (String account : List.of("lan", "minh", "lan")) {
            basic(http, attacker, account, "guess").expectStatus().isUnauthorized();
        }
        // Locked for the address, whatever the account, even with the right password; told how long to wait.
        String wait = basic(http, attacker, "minh", "minh-password").expectStatus().isEqualTo(429)
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(Long.parseLong(wait)).isBetween(55L, 60L);
        // The real users, from their own address, are not locked out by it.
        basic(http, "198.51.100.20", "minh", "minh-password").expectStatus().isOk();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        basic(http, attacker, "lan", "guess-again").expectStatus().isUnauthorized();
        String longer = basic(http, attacker, "lan", "lan-password").expectStatus().isEqualTo(429)
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(Long.parseLong(longer)).as("the next wait is twice as long").isBetween(115L, 120L);
    }

    @Test
    void aSessionIdHeldBeforeSigningInIsNotTheSignedInSessionAndSigningOutEndsIt() {
        WebTestClient http = ApiClient.anonymous(port);
        EntityExchangeResult<byte[]> page = http.get().uri("/console/login").exchange().expectStatus().isOk()
                .expectBody().returnResult();
        String token = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        // A session id planted by an attacker (or left from before), sent with the sign-in.
        String planted = "planted-session-id";
        EntityExchangeResult<byte[]> signIn = http.post().uri("/console/login").cookie("MOTCUA_SESSION", planted)
                .cookie("XSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "lan").with("password", "lan-password")
                        .with("_csrf", token))
                .exchange().expectStatus().isFound().expectBody().returnResult();
        ResponseCookie session = signIn.getResponseCookies().getFirst("MOTCUA_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.getValue()).isNotEqualTo(planted);
        http.get().uri("/api/me").cookie("MOTCUA_SESSION", planted).exchange().expectStatus().isUnauthorized();

        http.get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange().expectStatus().isOk();
        http.post().uri("/console/logout").cookie("MOTCUA_SESSION", session.getValue()).cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token).exchange().expectStatus().isFound();
        http.get().uri("/api/me").cookie("MOTCUA_SESSION", session.getValue()).exchange().expectStatus().isUnauthorized();
    }

    private static WebTestClient.ResponseSpec basic(WebTestClient http, String address, String user, String password) {
        return http.get().uri("/api/me").header("X-Forwarded-For", address)
                .headers(h -> h.setBasicAuth(user, password)).exchange();
    }
}
