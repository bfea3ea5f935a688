package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import io.netty.util.ResourceLeakDetector;
import reactor.test.StepVerifier;
import vn.motcua.channel.webchat.WebChatSessionStore;

/**
 * Seeded-random fuzzing, kept in the suite (issue 13): at least 5,000 malformed, truncated, oversized,
 * deeply nested and wrongly typed requests, correctly signed, to each webhook and to every web chat route. None may
 * get a 5xx or write a stack trace, and afterwards the service still answers a normal message on every channel
 * within a second; nor may Netty report a buffer that was never released ({@code LEAK:}), by the service or by this
 * JVM's test clients. The seed is printed; run again with {@code -Dmotcua.fuzz.seed=<seed>} to replay a failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class InputFuzzTest extends HardenedWebhooksTest {

    static final int PER_ROUTE = Integer.getInteger("motcua.fuzz.per-route", 5_000);
    private static final int CONCURRENCY = 16;
    private static final long DEFAULT_SEED = 20_261_302L;
    /** How Netty's ResourceLeakDetector begins a report of a buffer that was collected without being released. */
    private static final String LEAK = "LEAK:";

    @Autowired
    WebChatSessionStore sessions;

    private ResourceLeakDetector.Level leakLevel;

    /** Buffers allocated during the fuzzing carry where they were touched, so that a leak report names its origin. */
    @BeforeEach
    void recordWhereBuffersGo() {
        leakLevel = ResourceLeakDetector.getLevel();
        if (leakLevel.ordinal() < ResourceLeakDetector.Level.ADVANCED.ordinal()) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.ADVANCED);
        }
    }

    @AfterEach
    void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(leakLevel);
    }

    private final ConcurrentMap<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void fuzzedRequestsNeverGetA5xxNorAStackTraceAndTheServiceStillAnswers(CapturedOutput output) throws Exception {
        long seed = Long.getLong("motcua.fuzz.seed", DEFAULT_SEED);
        System.out.println("FIGURE fuzz: seed " + seed);
        Random random = new Random(seed);
        Bodies bodies = new Bodies(random);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String session = bodies.sessionId();
            sessions.open(session).block();
            open.add(session);
        }
        String psid = newPsid();
        String user = newUser();
        int logStart = output.getAll().length();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        String base = "http://127.0.0.1:" + port;
        AtomicInteger sent = new AtomicInteger();
        try {
            for (int i = 0; i < PER_ROUTE; i++) {
                byte[] delivery = bodies.messenger(psid);
                submit(client, inFlight, pending, sent, "POST /webhooks/messenger", HttpRequest.newBuilder(URI.create(
                        base + "/webhooks/messenger")).header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + messenger.sign(delivery))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery)));

                byte[] event = bodies.zalo(user);
                String timestamp = bodies.zaloTimestamp();
                submit(client, inFlight, pending, sent, "POST /webhooks/zalo", HttpRequest.newBuilder(URI.create(
                        base + "/webhooks/zalo")).header("Content-Type", "application/json")
                        .header("X-ZEvent-Timestamp", timestamp)
                        .header("X-ZEvent-Signature", "mac=" + webhook.sign(event, timestamp))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(event)));

                String session = random.nextInt(3) == 0 ? open.get(random.nextInt(open.size())) : bodies.sessionLike();
                submit(client, inFlight, pending, sent, "POST /webchat/messages", HttpRequest.newBuilder(URI.create(
                        base + "/webchat/messages")).header("Content-Type", bodies.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.webchat(session))));

                submit(client, inFlight, pending, sent, "POST /webchat/sessions", HttpRequest.newBuilder(URI.create(
                        base + "/webchat/sessions")).header("Content-Type", bodies.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.anything())));

                // Never a session that is open: its stream would stay open, as it should.
                submit(client, inFlight, pending, sent, "GET /webchat/stream", HttpRequest.newBuilder(URI.create(
                        base + "/webchat/stream?session=" + query(bodies.sessionLike()))).header("Accept",
                        random.nextBoolean() ? MediaType.TEXT_EVENT_STREAM_VALUE : "*/*").GET());

                submit(client, inFlight, pending, sent, "DELETE /webchat/sessions/{id}", HttpRequest.newBuilder(URI.create(
                        base + "/webchat/sessions/" + query(bodies.sessionLike()))).DELETE());
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("FIGURE fuzz: %d requests in %.1f s (%d per route), statuses per route %s%n", sent.get(),
                seconds, PER_ROUTE, new TreeMap<>(statuses));

        assertThat(serverErrors).as("requests answered 5xx").isEmpty();
        List<String> traces = output.getAll().substring(logStart).lines()
                // Netty's leak reports are judged below, by where the buffer came from.
                .filter(line -> !line.contains(LEAK))
                .filter(line -> line.startsWith("\tat ") || line.contains("Exception") || line.contains(" ERROR "))
                .limit(20).toList();
        assertThat(traces).as("stack traces or errors in the log").isEmpty();

        // Afterwards, a normal message on each channel is still answered within a second.
        String person = newPsid();
        long t0 = System.nanoTime();
        messenger.post(messengerText(person, newMid(), "xin chào", Long.toString(System.currentTimeMillis())))
                .expectStatus().isOk().expectBody(String.class).isEqualTo("EVENT_RECEIVED");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> !GRAPH.messagesTo(person).isEmpty());
        long messengerMillis = (System.nanoTime() - t0) / 1_000_000;

        String zaloPerson = newUser();
        t0 = System.nanoTime();
        webhook.post(ZaloEvents.text(zaloPerson, newMsgId(), "xin chào")).expectStatus().isOk()
                .expectBody(String.class).isEqualTo("OK");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> !OPENAPI.deliveredTo(zaloPerson).isEmpty());
        long zaloMillis = (System.nanoTime() - t0) / 1_000_000;

        String chat = bodies.sessionId();
        sessions.open(chat).block();
        long[] webchatMillis = new long[1];
        StepVerifier.create(http.get().uri("/webchat/stream?session={s}", chat).accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange().returnResult(String.class).getResponseBody().filter(data -> data.contains("text")))
                .then(() -> {
                    webchatMillis[0] = System.nanoTime();
                    http.post().uri("/webchat/messages").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"session\":\"" + chat + "\",\"text\":\"xin chào\"}").exchange()
                            .expectStatus().isAccepted().expectBody().isEmpty();
                })
                .assertNext(data -> webchatMillis[0] = (System.nanoTime() - webchatMillis[0]) / 1_000_000)
                .thenCancel()
                .verify(Duration.ofSeconds(1));
        System.out.println("FIGURE fuzz: afterwards a normal message was answered in " + messengerMillis
                + " ms (Messenger), " + zaloMillis + " ms (Zalo), " + webchatMillis[0] + " ms (web chat)");

        // Netty reports a buffer nobody released only after it has been collected, on a later allocation: collect,
        // then allocate (requests), then read the reports. Only buffers allocated during this test carry their
        // access records (advanced detection, switched on for this test), so a report is the service's when its records
        // pass through the server; one from an earlier test's client (no records) is counted, not failed.
        System.gc();
        for (int i = 0; i < 200; i++) {
            http.get().uri("/webchat/stream?session={s}", bodies.sessionId()).exchange().expectStatus().isNotFound()
                    .expectBody(String.class);
        }
        String log = output.getAll().substring(logStart);
        List<String> reports = List.of(log.split("(?=\\n[^\\n]*" + LEAK + ")")).stream()
                .filter(chunk -> chunk.contains(LEAK)).toList();
        List<String> serverLeaks = reports.stream().filter(r -> r.contains("reactor.netty.http.server")
                || r.contains("org.springframework.http.server") || r.contains("HttpServerCodec")).toList();
        System.out.println("FIGURE fuzz: " + reports.size() + " leak reports (Netty ResourceLeakDetector), "
                + serverLeaks.size() + " of them from the server");
        assertThat(serverLeaks).as("buffers the service never released").isEmpty();
    }

    private void submit(HttpClient client, Semaphore inFlight, List<CompletableFuture<?>> pending, AtomicInteger sent,
                        String route, HttpRequest.Builder request) throws InterruptedException {
        inFlight.acquire();
        sent.incrementAndGet();
        pending.add(client.sendAsync(request.timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    inFlight.release();
                    int status = error != null ? -1 : response.statusCode();
                    statuses.computeIfAbsent(route, r -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
                    if (status >= 500 || status < 0) {
                        serverErrors.add(route + " -> " + (error != null ? error.toString() : status));
                    }
                    return null;
                }));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The generator: every body is one of a few kinds, each drawn from the seeded random. */
    static final class Bodies {

        private static final String[] ODD_VALUES = {"null", "true", "false", "0", "-1", "1e308", "-1e308", "1e400",
                "9223372036854775808", "-9223372036854775809", "-100000000000000000", "1.5", "\"\"", "\" \"", "[]",
                "{}", "[[[]]]", "\"\\u0000\"", "\"\\ud800\"", "\"𝕏🙂\"", "\"" + "a".repeat(3000) + "\"",
                "\"TIMESTAMP\"", "{\"id\":{}}", "[1,2,3]", "\"../../etc/passwd\"", "\"<script>\""};

        private final Random random;

        Bodies(Random random) {
            this.random = random;
        }

        byte[] messenger(String psid) {
            String valid = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":" + System.currentTimeMillis()
                    + ",\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},"
                    + "\"timestamp\":" + System.currentTimeMillis() + ",\"message\":{\"mid\":\"m" + random.nextInt()
                    + "\",\"text\":\"xin chào\",\"quick_reply\":{\"payload\":\"INTENT:hotline\"},\"attachments\":"
                    + "[{\"type\":\"image\",\"payload\":{\"url\":\"u\"}}]}}],\"standby\":[]}]}";
            return mutate(valid, 1024 * 1024);
        }

        byte[] zalo(String user) {
            String valid = ZaloEvents.text(user, Integer.toHexString(random.nextInt()), "xin chào");
            return mutate(valid, 65_536);
        }

        String zaloTimestamp() {
            return switch (random.nextInt(8)) {
                case 0 -> "1e308";
                case 1 -> "9223372036854775808";
                case 2 -> "-9223372036854775808";
                case 3 -> "abc";
                default -> Long.toString(System.currentTimeMillis() - random.nextInt(3_600_000));
            };
        }

        byte[] webchat(String session) {
            String valid = "{\"session\":\"" + session + "\",\"text\":\"xin chào\",\"payload\":\"INTENT:hotline\"}";
            return mutate(valid, 2000 * 12 + 4096);
        }

        byte[] anything() {
            return random.nextInt(4) == 0 ? new byte[0] : mutate("{\"a\":1}", 4096);
        }

        String contentType() {
            String[] types = {"application/json", "application/json", "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "*/*", "application/xml"};
            return types[random.nextInt(types.length)];
        }

        String sessionId() {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        /** Mostly not an id at all; sometimes a well-formed one nobody opened. */
        String sessionLike() {
            return switch (random.nextInt(6)) {
                case 0 -> sessionId();
                case 1 -> "";
                case 2 -> "x".repeat(random.nextInt(5000));
                case 3 -> new String(randomBytes(40), StandardCharsets.ISO_8859_1);
                case 4 -> "../" + sessionId() + "%00";
                default -> sessionId().substring(0, 31) + "=";
            };
        }

        /** One of: kept, a value of the wrong type, truncated, oversized, deeply nested, random bytes, invalid UTF-8. */
        private byte[] mutate(String valid, int limit) {
            return switch (random.nextInt(20)) {
                case 0, 1 -> utf8(valid);
                case 2, 3, 4 -> utf8(wrongType(valid));
                case 5, 6 -> utf8(valid.substring(0, random.nextInt(valid.length())));
                case 7 -> oversized(valid, limit);
                case 8, 9 -> utf8(nested(1 + random.nextInt(random.nextBoolean() ? 100 : 5000)));
                case 10, 11 -> randomBytes(random.nextInt(2048));
                case 12, 13 -> invalidUtf8(valid);
                case 14, 15, 16 -> utf8(wrongType(wrongType(wrongType(valid))));
                default -> utf8(spliced(valid));
            };
        }

        /** Replaces one JSON value (a string, number or object after a colon) by an odd one. */
        private String wrongType(String json) {
            List<Integer> colons = new ArrayList<>();
            for (int i = 0; i < json.length(); i++) {
                if (json.charAt(i) == ':') {
                    colons.add(i);
                }
            }
            if (colons.isEmpty()) {
                return json;
            }
            int at = colons.get(random.nextInt(colons.size())) + 1;
            int end = valueEnd(json, at);
            return json.substring(0, at) + ODD_VALUES[random.nextInt(ODD_VALUES.length)] + json.substring(end);
        }

        private static int valueEnd(String json, int from) {
            int depth = 0;
            boolean inString = false;
            for (int i = from; i < json.length(); i++) {
                char c = json.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                        if (depth == 0) {
                            return i + 1;
                        }
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                } else if (c == ',' && depth == 0) {
                    return i;
                }
            }
            return json.length();
        }

        /** Just over the route's limit (413), or just under it with a padding field (parsed, then refused or ignored). */
        private byte[] oversized(String valid, int limit) {
            int size = random.nextBoolean() ? limit + 1 + random.nextInt(1024) : limit - valid.length() - 16;
            return utf8("{\"pad\":\"" + "x".repeat(Math.max(0, size)) + "\"," + valid.substring(1));
        }

        private String nested(int depth) {
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            return "{\"object\":\"page\",\"entry\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        }

        private String spliced(String valid) {
            int at = random.nextInt(valid.length());
            String[] junk = {"\u0000", "\\", "\"", ",,", "}", "]", "{", "\\u12", "NaN", "Infinity", "\ufeff", "/*x*/"};
            return valid.substring(0, at) + junk[random.nextInt(junk.length)] + valid.substring(at);
        }

        private byte[] invalidUtf8(String valid) {
            byte[] bytes = utf8(valid);
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            return bytes;
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
