package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every response of the service carries the headers that keep a page from being framed by strangers, cached on a
 * shared device or named to the exit page; and a path written another way (a double slash, a dot segment, an escaped
 * letter) can neither escape them nor reach a page: it is refused. Raw HTTP, so that no client tidies the path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret", "motcua.console.users=ops:{noop}ops-password:ADMIN"})
class ResponseHeadersTest {

    /** The request targets: the pages and routes people and staff use, and the variants that name them otherwise. */
    private static final List<String> TARGETS = List.of("/", "/index.html", "/?embed=1", "/widget.js",
            "/assets/chat.js", "/webchat/config.js", "/webchat/stream?session=unknown", "/favicon.ico",
            "/console/login", "/console/", "/console/assets/console.js", "/api/me", "/api/conversations",
            "/api/nlu/parse", "/webhooks/messenger", "/webhooks/zalo", "/actuator/health/liveness", "/no-such-page");

    private static final List<String> VARIANTS = List.of("//index.html", "/index.html/", "/%69ndex.html",
            "/./index.html", "/assets/../index.html", "/%2e/index.html", "/assets/%2e%2e/index.html", "/index.html;x",
            "//widget.js", "/.//widget.js", "/%77idget.js", "//api/me", "/api//me", "/./api/me", "/%61pi/me",
            "/console/./login", "//console/login", "/webchat//config.js", "/assets/chat.js/", "/webchat\\config.js");

    private static final Map<String, Predicate<String>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("content-security-policy", value -> value.contains("frame-ancestors")
                && value.contains("default-src"));
        REQUIRED.put("cache-control", value -> value.contains("no-store"));
        REQUIRED.put("referrer-policy", "no-referrer"::equals);
        REQUIRED.put("x-content-type-options", "nosniff"::equals);
    }

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesTheHeadersAndNoPathVariantEscapesThemOrReachesAPage() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> all = new ArrayList<>(TARGETS);
        all.addAll(VARIANTS);
        for (String target : all) {
            Response response = get(target);
            for (Map.Entry<String, Predicate<String>> header : REQUIRED.entrySet()) {
                String value = response.headers().get(header.getKey());
                if (value == null || !header.getValue().test(value)) {
                    failures.add(target + " (" + response.status() + "): " + header.getKey() + " = " + value);
                }
            }
            if (VARIANTS.contains(target) && response.status() != 400) {
                failures.add(target + ": answered " + response.status() + ", not 400");
            }
        }
        // The chat page (and only pages this service frames) may be framed only by itself and the partners.
        assertThat(get("/").headers().get("content-security-policy")).contains("frame-ancestors 'self'");
        assertThat(get("/api/me").headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(failures).as("responses missing a header, or variants not refused").isEmpty();
    }

    private record Response(int status, Map<String, String> headers) {
    }

    private Response get(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            String[] lines = head.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim(), (a, c) -> a + ", " + c);
                }
            }
            return new Response(status, headers);
        }
    }
}
