package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Slowloris: many connections that start a webhook request and never finish its headers, each sending one more header
 * line now and then. The server must close them once the header time-out passes, and meanwhile keep acknowledging
 * signed webhooks at once (Zalo allows 2 s; Meta retries slow acknowledgements).
 */
@TestPropertySource(properties = {"motcua.http.header-timeout=PT2S", "motcua.http.body-timeout=PT2S"})
class SlowClientsTest extends MessengerIntegrationTest {

    private static final int SLOW_CONNECTIONS = 500;

    @Test
    void slowConnectionsAreClosedByTheServerWhileSignedWebhooksAreAcknowledgedWithinTwoSeconds() throws Exception {
        List<SocketChannel> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Long> acks = new CopyOnWriteArrayList<>();
        AtomicInteger closed = new AtomicInteger();
        // The first webhook of a fresh context loads and compiles classes: sent before the measurement, on a connection
        // of its own. The measured ones share one connection of a pool of their own, as a platform keeps one open; it
        // is never idle as long as the header time-out, so the server never closes it under them.
        new MessengerWebhookClient(client(ConnectionProvider.newConnection()), APP_SECRET)
                .post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "xin chào")))
                .expectStatus().isOk();
        ConnectionProvider pool = ConnectionProvider.create("slow-clients-test", 1);
        webhook = new MessengerWebhookClient(client(pool), APP_SECRET);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.configureBlocking(false);
                send(channel, "POST /webhooks/messenger HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                slow.add(channel);
            }
            AtomicInteger line = new AtomicInteger();
            // One more header line on every connection every 500 ms: a per-read idle time-out alone never fires.
            trickle.scheduleAtFixedRate(() -> {
                int n = line.incrementAndGet();
                for (SocketChannel channel : slow) {
                    if (channel.isOpen()) {
                        try {
                            send(channel, "X-Slow-" + n + ": " + n + "\r\n");
                        } catch (IOException closedByServer) {
                            // counted by the reads below
                        }
                    }
                }
            }, 500, 500, TimeUnit.MILLISECONDS);

            Awaitility.await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(100)).until(() -> {
                long before = System.nanoTime();
                webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "xin chào")))
                        .expectStatus().isOk();
                acks.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
                closed.set(closedByServer(slow));
                return closed.get() == SLOW_CONNECTIONS && acks.size() >= 5;
            });
        } finally {
            trickle.shutdownNow();
            pool.dispose();
            System.out.printf("[figure] slow connections: %d of %d closed by the server after %d ms; "
                            + "%d signed webhooks meanwhile, slowest acknowledged in %d ms%n",
                    closed.get(), SLOW_CONNECTIONS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    acks.size(), acks.stream().mapToLong(Long::longValue).max().orElse(-1));
            for (SocketChannel channel : slow) {
                channel.close();
            }
        }
        assertThat(acks).as("signed webhooks acknowledged while the slow connections were held").isNotEmpty()
                .allSatisfy(ms -> assertThat(ms).isLessThan(2000));
    }

    @Test
    void aBodyThatNeverFinishesIsAnswered408AndItsConnectionClosed() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /webhooks/messenger HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"object\":")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408");
        }
    }

    private WebTestClient client(ConnectionProvider connections) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static void send(SocketChannel channel, String text) throws IOException {
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Connections on which the server closed its side (end of stream or reset). */
    private static int closedByServer(List<SocketChannel> channels) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        int closed = 0;
        for (SocketChannel channel : channels) {
            try {
                buffer.clear();
                int read;
                do {
                    read = channel.read(buffer);
                    buffer.clear();
                } while (read > 0);
                if (read < 0) {
                    closed++;
                }
            } catch (IOException reset) {
                closed++;
            }
        }
        return closed;
    }
}
