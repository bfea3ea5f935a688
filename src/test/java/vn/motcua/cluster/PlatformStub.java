package vn.motcua.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platforms the service talks to, on one local port, recording what reached them: Meta's Send API
 * ({@code /v25.0/me/messages}), Zalo's OpenAPI ({@code /v3.0/oa/message/cs}) and Zalo's OAuth host
 * ({@code /v4/oa/access_token}). Every instance of a cluster points at the same stub, so its record is what the
 * platforms saw from the whole service: each person's answers, in the order they arrived.
 *
 * <p>Zalo's refresh tokens are single use here as on Zalo: a pair is issued for a live refresh token, which then dies;
 * a dead one is refused (-14014). Sends with an access token that was never issued are refused (-216).
 */
final class PlatformStub implements AutoCloseable {

    static final String INITIAL_ZALO_REFRESH_TOKEN = "initial-refresh-token";

    /** One message as a platform received it. */
    record Sent(String recipient, String text, String accessToken, long receivedAtNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService answerLater = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, List<Sent>> messenger = new ConcurrentHashMap<>();
    private final AtomicInteger senderActions = new AtomicInteger();
    private final Map<String, List<Sent>> zalo = new ConcurrentHashMap<>();
    private final AtomicInteger zaloRefused = new AtomicInteger();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> issuedAccessTokens = ConcurrentHashMap.newKeySet();
    private final List<String> refreshesAccepted = new ArrayList<>();
    private final AtomicInteger refreshesRefused = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration sendDelay = Duration.ZERO;

    PlatformStub() {
        liveRefreshTokens.add(INITIAL_ZALO_REFRESH_TOKEN);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Every Send API message is recorded (delivered) at once but answered only this long later, so that sends are in
     * flight when an instance dies.
     */
    void delaySends(Duration delay) {
        this.sendDelay = delay;
    }

    /** Messages (not sender actions) Messenger received for this PSID, in the order they arrived. */
    List<Sent> messengerTo(String psid) {
        List<Sent> list = messenger.get(psid);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    List<String> messengerTextsTo(String psid) {
        return messengerTo(psid).stream().map(Sent::text).toList();
    }

    int messengerMessages() {
        return messenger.values().stream().mapToInt(l -> {
            synchronized (l) {
                return l.size();
            }
        }).sum();
    }

    int senderActions() {
        return senderActions.get();
    }

    /** Zalo messages delivered (sent with a valid access token) to this user, in order. */
    List<Sent> zaloDeliveredTo(String userId) {
        List<Sent> list = zalo.get(userId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Zalo sends refused because their access token was not one Zalo issued. */
    int zaloRefused() {
        return zaloRefused.get();
    }

    /** Refresh tokens exchanged successfully, in order. */
    synchronized List<String> refreshesAccepted() {
        return List.copyOf(refreshesAccepted);
    }

    /** Refresh requests with a token that was already used or never issued. */
    int refreshesRefused() {
        return refreshesRefused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String answer;
        boolean send = true;
        if (path.endsWith("/me/messages")) {
            answer = messenger(body);
        } else if (path.equals("/v3.0/oa/message/cs")) {
            answer = zaloSend(body, exchange.getRequestHeaders().getFirst("access_token"));
        } else if (path.equals("/v4/oa/access_token")) {
            answer = zaloRefresh(new String(body, StandardCharsets.UTF_8));
            send = false;
        } else {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
            return;
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        Duration delay = sendDelay;
        if (send && !delay.isZero()) {
            // Delivered to the person already, answered later (no thread held meanwhile): a sender that dies in
            // between never learns it was delivered.
            answerLater.schedule(() -> answer(exchange, out), delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            answer(exchange, out);
        }
    }

    private static void answer(HttpExchange exchange, byte[] out) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // The sender hung up (an instance killed mid-send): nobody is left to answer.
        }
    }

    private String messenger(byte[] raw) {
        JsonNode body = JSON.readTree(raw);
        String to = body.path("recipient").path("id").asString("");
        if (!body.has("message")) {
            senderActions.incrementAndGet();
            return "{\"recipient_id\":\"" + to + "\"}";
        }
        Sent sent = new Sent(to, body.path("message").path("text").asString(""), null, System.nanoTime());
        List<Sent> list = messenger.computeIfAbsent(to, k -> new ArrayList<>());
        synchronized (list) {
            list.add(sent);
        }
        return "{\"recipient_id\":\"" + to + "\",\"message_id\":\"m_" + System.nanoTime() + "\"}";
    }

    private String zaloSend(byte[] raw, String accessToken) {
        JsonNode body = JSON.readTree(raw);
        String to = body.path("recipient").path("user_id").asString("");
        if (accessToken == null || !issuedAccessTokens.contains(accessToken)) {
            zaloRefused.incrementAndGet();
            return "{\"error\":-216,\"message\":\"Access token is invalid\"}";
        }
        List<Sent> list = zalo.computeIfAbsent(to, k -> new ArrayList<>());
        synchronized (list) {
            list.add(new Sent(to, body.path("message").path("text").asString(""), accessToken, System.nanoTime()));
        }
        return "{\"data\":{\"message_id\":\"z" + System.nanoTime() + "\",\"user_id\":\"" + to + "\"},"
                + "\"error\":0,\"message\":\"Success\"}";
    }

    private String zaloRefresh(String form) {
        String token = form(form).get("refresh_token");
        if (token == null || !liveRefreshTokens.remove(token)) {
            refreshesRefused.incrementAndGet();
            return "{\"error_name\":\"Invalid refresh token\",\"error_reason\":\"refresh token is invalid\","
                    + "\"error\":-14014}";
        }
        int n = issued.incrementAndGet();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        issuedAccessTokens.add(access);
        liveRefreshTokens.add(refresh);
        synchronized (this) {
            refreshesAccepted.add(token);
        }
        return "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":\"90000\"}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        answerLater.shutdownNow();
    }
}
