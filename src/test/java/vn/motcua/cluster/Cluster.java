package vn.motcua.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.test.web.reactive.server.WebTestClient;

import vn.motcua.console.ApiClient;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * Several instances of the packaged service sharing one store (a Redis under this test's own prefix, or memory for a
 * single instance), the same secret, and one {@link PlatformStub} for Meta and Zalo. Posts signed webhook deliveries
 * as the platforms do, signs in to the console, and remembers every person id and text it sent, so that
 * {@link RedisAtRest} can look for them in Redis afterwards.
 */
final class Cluster implements AutoCloseable {

    static final String SECRET = "cluster-test-secret-7c1f";
    static final String MESSENGER_APP_SECRET = "cluster-messenger-app-secret";
    static final String ZALO_APP_ID = "360846524940903967";
    static final String ZALO_OA_ID = "388613280878808645";
    static final String ZALO_OA_SECRET_KEY = "cluster-zalo-oa-secret-key";
    static final String CASEWORKER = "lan";
    static final String CASEWORKER_PASSWORD = "lan-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final RedisScope scope;
    private final PlatformStub platforms = new PlatformStub();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<ServiceProcess> instances = new ArrayList<>();
    private final Map<String, String> personIds = new ConcurrentHashMap<>();
    private final Set<String> textsSent = ConcurrentHashMap.newKeySet();
    private final PseudonymousIds ids = new PseudonymousIds(new ServerSecret(new PrivacyProperties(SECRET, null)));

    private Cluster(String name, boolean redis) {
        this.name = name;
        this.scope = redis ? RedisTestSupport.scope(name) : null;
        settings.put("MOTCUA_SECRET", SECRET);
        settings.put("MOTCUA_STORE", redis ? "redis" : "memory");
        if (redis) {
            settings.put("REDIS_URL", RedisTestSupport.url());
            settings.put("MOTCUA_REDIS_PREFIX", scope.prefix());
            // A dead instance's entries are taken over after 5 s; its conversation locks lapse after 3 s before that.
            settings.put("MOTCUA_REDIS_CLAIM_AFTER", "PT5S");
            settings.put("MOTCUA_LOCK_TTL", "PT3S");
        }
        settings.put("MESSENGER_APP_SECRET", MESSENGER_APP_SECRET);
        settings.put("MESSENGER_PAGE_TOKEN", "cluster-page-token");
        settings.put("MESSENGER_VERIFY_TOKEN", "cluster-verify-token");
        settings.put("MESSENGER_GRAPH_URL", platforms.url());
        settings.put("MESSENGER_BACKOFF_MIN", "20ms");
        settings.put("MESSENGER_BACKOFF_MAX", "200ms");
        settings.put("MESSENGER_MAX_EVENT_AGE", "P36500D");
        settings.put("MOTCUA_USERS", CASEWORKER + ":{noop}" + CASEWORKER_PASSWORD + ":CASEWORKER,"
                + "ops:{noop}ops-password:ADMIN");
        settings.put("MOTCUA_CONTENT_WATCH", "0s");
        settings.put("MOTCUA_ALERT_CHECK_INTERVAL", "PT1H");
    }

    /**
     * Instances on one Redis, under a prefix of their own. {@code -Dmotcua.it.store=memory} runs them on the memory
     * store instead, each with its own state: what these tests show fails then (a way to see that they can fail).
     */
    static Cluster onRedis(String name) {
        Cluster cluster = new Cluster(name, true);
        if ("memory".equals(System.getProperty("motcua.it.store"))) {
            cluster.settings.put("MOTCUA_STORE", "memory");
        }
        return cluster;
    }

    /** One instance with the memory store (what the harness is checked with). */
    static Cluster inMemory(String name) {
        return new Cluster(name, false);
    }

    /** Zalo on too, its OAuth and OpenAPI hosts on the stub, with a refresh token and no access token to start. */
    Cluster withZalo() {
        settings.put("ZALO_APP_ID", ZALO_APP_ID);
        settings.put("ZALO_OA_ID", ZALO_OA_ID);
        settings.put("ZALO_OA_SECRET_KEY", ZALO_OA_SECRET_KEY);
        settings.put("ZALO_APP_SECRET", "cluster-zalo-app-secret");
        settings.put("ZALO_REFRESH_TOKEN", PlatformStub.INITIAL_ZALO_REFRESH_TOKEN);
        settings.put("ZALO_OPENAPI_URL", platforms.url());
        settings.put("ZALO_OAUTH_URL", platforms.url());
        settings.put("ZALO_BACKOFF_MIN", "20ms");
        settings.put("ZALO_BACKOFF_MAX", "200ms");
        return this;
    }

    Cluster with(String setting, String value) {
        settings.put(setting, value);
        return this;
    }

    PlatformStub platforms() {
        return platforms;
    }

    RedisScope redis() {
        if (scope == null) {
            throw new IllegalStateException("this cluster runs on memory");
        }
        return scope;
    }

    /** Starts these instances at once and waits until each is ready. */
    List<ServiceProcess> start(String... names) {
        List<ServiceProcess> started = new ArrayList<>();
        for (String instance : names) {
            ServiceProcess process = ServiceProcess.start(name + "-" + instance, settings);
            instances.add(process);
            started.add(process);
        }
        started.forEach(ServiceProcess::awaitReady);
        return started;
    }

    ServiceProcess start(String instance) {
        return start(new String[] {instance}).get(0);
    }

    List<ServiceProcess> instances() {
        return List.copyOf(instances);
    }

    // ---- the platforms' side ----

    /**
     * Posts one Messenger text message, signed with the app secret as Meta signs it, to this instance. The status
     * it answered, or -1 when it answered nothing (refused the connection, or died mid-request).
     */
    int postMessenger(ServiceProcess to, String psid, String mid, String text) {
        personIds.put(psid, "messenger");
        textsSent.add(text);
        long now = System.currentTimeMillis();
        String event = "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},\"timestamp\":" + now
                + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + json(text) + "\"}}";
        String delivery = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":" + now + ",\"messaging\":["
                + event + "]}]}";
        byte[] body = delivery.getBytes(StandardCharsets.UTF_8);
        return post(to, "/webhooks/messenger", body, Map.of("X-Hub-Signature-256", "sha256=" + hmac(body)));
    }

    /** Posts one Zalo user_send_text event, signed as Zalo signs it ({@code X-ZEvent-Signature}). */
    int postZalo(ServiceProcess to, String userId, String msgId, String text) {
        personIds.put(userId, "zalo");
        textsSent.add(text);
        String timestamp = Long.toString(System.currentTimeMillis());
        String event = "{\"app_id\":\"" + ZALO_APP_ID + "\",\"sender\":{\"id\":\"" + userId + "\"},"
                + "\"user_id_by_app\":\"552177279717587730\",\"recipient\":{\"id\":\"" + ZALO_OA_ID + "\"},"
                + "\"event_name\":\"user_send_text\",\"message\":{\"text\":\"" + json(text) + "\",\"msg_id\":\""
                + msgId + "\"},\"timestamp\":\"" + timestamp + "\"}";
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        return post(to, "/webhooks/zalo", body, Map.of("X-ZEvent-Signature", "mac=" + zaloMac(body, timestamp)));
    }

    private static int post(ServiceProcess to, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(MESSENGER_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String zaloMac(byte[] body, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ZALO_APP_ID.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            sha.update((timestamp + ZALO_OA_SECRET_KEY).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    // ---- the console's side ----

    /** The caseworker, signed in to the console API of this instance (HTTP Basic and the CSRF cookie). */
    WebTestClient caseworker(ServiceProcess on) {
        return ApiClient.signedIn(on.port(), CASEWORKER, CASEWORKER_PASSWORD);
    }

    /** The conversation id the service gives a person (HMAC of {@code platform:userId} with the shared secret). */
    String conversationId(String platform, String userId) {
        return ids.conversationId(platform, userId);
    }

    /** Remembers text typed into the console (a note, a reply) for {@link RedisAtRest}. */
    String typed(String text) {
        textsSent.add(text);
        return text;
    }

    Set<String> personIds() {
        return Set.copyOf(personIds.keySet());
    }

    /** The conversation ids of everyone this cluster's tests wrote as. */
    Set<String> conversationIds() {
        Set<String> all = new java.util.HashSet<>();
        personIds.forEach((id, platform) -> all.add(conversationId(platform, id)));
        return all;
    }

    /**
     * What Redis holds under this test's prefix, read key by key: nothing that names a person or says what was
     * written, and every key about a person expires. Returns the findings (empty: nothing given away) and reports
     * how many keys of each kind there were.
     */
    List<String> atRestFindings() {
        List<RedisAtRest.Entry> entries = RedisAtRest.read(redis());
        java.util.Set<String> secrets = new java.util.HashSet<>(personIds.keySet());
        secrets.addAll(textsSent);
        report("Redis at rest: " + entries.size() + " keys " + RedisAtRest.census(entries, redis().prefix()));
        return RedisAtRest.findings(entries, secrets, conversationIds());
    }

    Set<String> textsSent() {
        return Set.copyOf(textsSent);
    }

    /** Prints a measured figure and keeps it in target/it-logs/figures.txt, for the closing note of the issue. */
    void report(String figures) {
        String line = java.time.Instant.now() + " " + name + ": " + figures;
        System.out.println("FIGURES " + line);
        try {
            java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("motcua.it.logs", "target/it-logs"),
                    "figures.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops every instance still running, removes this test's keys (its prefix only) and the stub. */
    @Override
    public void close() {
        instances.forEach(ServiceProcess::stop);
        if (scope != null) {
            scope.close();
        }
        platforms.close();
    }
}
