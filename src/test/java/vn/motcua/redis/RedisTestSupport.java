package vn.motcua.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.lettuce.core.RedisURI;
import redis.embedded.RedisServer;

/**
 * The Redis the tests use: {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}) when it answers PING, otherwise
 * one embedded server for the whole test run, so the suite passes on a machine without Redis. Every test works under
 * a prefix of its own and removes only its own keys (SCAN of that prefix), never flushing anything.
 */
public final class RedisTestSupport {

    private static volatile String url;
    private static volatile RedisServer embedded;

    private RedisTestSupport() {
    }

    /** The URL of a Redis that answers, starting the embedded one the first time none does. */
    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
            url = answers(configured) ? configured : startEmbedded();
        }
        return url;
    }

    /** A fresh scope: its own prefix, a template on the test Redis, and cleanup of that prefix only. */
    public static RedisScope scope(String name) {
        String prefix = "test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(RedisURI.create(url())));
        factory.afterPropertiesSet();
        factory.start();
        return new RedisScope(prefix, new RedisKeys(prefix), factory, new ReactiveStringRedisTemplate(factory));
    }

    /**
     * A scope on another Redis than the shared one (a test's own server). Its {@link RedisScope#close()} removes only
     * keys under its own prefix, which callers that only read leave empty.
     */
    public static RedisScope scopeAt(String redisUrl, String name) {
        String prefix = "test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(RedisURI.create(redisUrl)));
        factory.afterPropertiesSet();
        factory.start();
        return new RedisScope(prefix, new RedisKeys(prefix), factory, new ReactiveStringRedisTemplate(factory));
    }

    /** Spring properties that put an application context on the test Redis, under the given prefix. */
    public static List<String> properties(String prefix) {
        return List.of("motcua.store=redis", "motcua.redis.url=" + url(), "motcua.redis.prefix=" + prefix);
    }

    /** Puts a test's application context on the test Redis under {@code prefix} ({@link #properties(String)}). */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String prefix) {
        for (String property : properties(prefix)) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    /**
     * The whole service on the Redis at {@code url} under {@code prefix}, with an unacknowledged entry of a dead
     * instance taken over after 2 s (rather than 2 min), conversation leases of 1 s, and the streams polled every
     * 20 ms, for takeover tests.
     */
    public static java.util.Map<String, String> quickTakeover(String url, String prefix) {
        return java.util.Map.of("motcua.store", "redis", "motcua.redis.url", url, "motcua.redis.prefix", prefix,
                "motcua.redis.claim-after", "PT2S", "motcua.redis.poll-interval", "PT0.02S",
                // Takeover must wait for a dead holder's conversation lease to lapse, so it is shorter than that.
                "motcua.lock.ttl", "PT1S");
    }

    /** Whether a Redis answers PING at this URL (a plain socket: no client pool to tear down). */
    static boolean answers(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            socket.setSoTimeout(1000);
            String auth = uri.getPassword() == null ? ""
                    : "AUTH " + new String(uri.getPassword()) + "\r\n";
            socket.getOutputStream().write((auth + "PING\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[64];
            int read = socket.getInputStream().read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).contains("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            RedisServer server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            embedded = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // The JVM is ending; the process goes with it.
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("No Redis answers at REDIS_URL and the embedded one did not start", e);
        }
    }
}
