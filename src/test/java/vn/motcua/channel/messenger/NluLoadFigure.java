package vn.motcua.channel.messenger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/**
 * A figure, not a test (docs/security.md, "CPU from an open endpoint"): webhook acknowledgement times while one ADMIN
 * account hammers {@code /api/nlu/parse} from several connections. Runs only with {@code -Dmotcua.figures=true}.
 */
@EnabledIfSystemProperty(named = "motcua.figures", matches = "true")
@TestPropertySource(properties = "motcua.console.users=ops:{noop}ops-password:ADMIN")
class NluLoadFigure extends MessengerIntegrationTest {

    private static final int HAMMERS = 16;
    private static final Duration PHASE = Duration.ofSeconds(10);

    @Test
    void webhookAcknowledgementWhileTheParserIsHammered() throws Exception {
        List<Long> quiet = acknowledgements(PHASE);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("ops:ops-password".getBytes(StandardCharsets.UTF_8));
        String token = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .header("Authorization", basic).build(), HttpResponse.BodyHandlers.discarding())
                .headers().allValues("set-cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService hammers = Executors.newFixedThreadPool(HAMMERS);
        for (int i = 0; i < HAMMERS; i++) {
            hammers.submit(() -> {
                HttpRequest parse = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/nlu/parse"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"text\":\"mình ở gò vấp, tối nay không có chỗ ngủ, có nhà tạm lánh nào không\"}"))
                        .build();
                while (!stop.get()) {
                    try {
                        int status = client.send(parse, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 429 ? limited : status == 200 ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        long started = System.nanoTime();
        List<Long> loaded = acknowledgements(PHASE);
        double seconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        hammers.shutdown();
        hammers.awaitTermination(10, TimeUnit.SECONDS);
        System.out.printf("[figure] webhook ack without load: p50 %.1f ms, p95 %.1f ms (%d webhooks)%n",
                percentile(quiet, 50), percentile(quiet, 95), quiet.size());
        System.out.printf("[figure] webhook ack while /api/nlu/parse is hammered by %d connections: p50 %.1f ms, "
                        + "p95 %.1f ms (%d webhooks); parses answered %.0f/s, refused with 429 %.0f/s, other answers %d%n", HAMMERS,
                percentile(loaded, 50), percentile(loaded, 95), loaded.size(), ok.get() / seconds,
                limited.get() / seconds, other.get());
    }

    /** Posts a signed webhook every 50 ms for the duration; the acknowledgement times in microseconds. */
    private List<Long> acknowledgements(Duration duration) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            webhook.post(MessengerWebhookClient.delivery(MessengerWebhookClient.text(newPsid(), newMid(), "cảm ơn")))
                    .expectStatus().isOk();
            micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - before));
            TimeUnit.MILLISECONDS.sleep(50); // pacing of the measurement, not a wait for a condition
        }
        return micros;
    }

    private static double percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
    }
}
