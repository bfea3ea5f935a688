package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What one client can make the service write to its log is bounded: refusals are counted, and a summary line is
 * written at most once a minute per kind of refusal (issue 13: one signed 1 MiB delivery of empty events wrote
 * 349,505 WARN lines; every unsigned post wrote one; an aborted upload an ERROR with a 30-line stack trace).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogAmplificationTest extends HardenedWebhooksTest {

    @Test
    void aSignedMegabyteOfEmptyEventsWritesAtMostAFewLines(CapturedOutput output) {
        StringBuilder json = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":1,\"messaging\":[{}");
        int events = 1;
        while (json.length() + 3 + 4 < 1024 * 1024) {
            json.append(",{}");
            events++;
        }
        json.append("]}]}");
        double skipped = counter("motcua.messenger.ignored", "reason", "no_sender");
        int start = output.getAll().length();

        // The answer read to the end: a WebTestClient body nobody subscribes to is a client buffer Netty reports
        // as a leak (ResourceLeakDetector, "LEAK: ByteBuf.release() was not called") once it is collected.
        messenger.post(json.toString()).expectStatus().isOk().expectBody(String.class).isEqualTo("EVENT_RECEIVED");

        List<String> lines = linesSince(output, start);
        System.out.println("FIGURE log: " + events + " empty events in " + json.length() + " bytes wrote "
                + lines.size() + " log lines");
        assertThat(lines).hasSizeLessThanOrEqualTo(2);
        assertThat(counter("motcua.messenger.ignored", "reason", "no_sender")).isEqualTo(skipped + events);
    }

    @Test
    void unsignedPostsAreCountedAndSummarisedNotLoggedOneByOne(CapturedOutput output) {
        int posts = 500;
        int start = output.getAll().length();
        byte[] body = utf8(messengerText(newPsid(), newMid(), "xin chào", Long.toString(System.currentTimeMillis())));
        for (int i = 0; i < posts; i++) {
            // Bodies read to the end, so that the client side frees its buffers (Netty reports a leak otherwise).
            messenger.postSigned(body, "sha256=" + "0".repeat(64)).expectStatus().isUnauthorized()
                    .expectBody(String.class);
            webhook.postSigned(body, "mac=" + "0".repeat(64), null).expectStatus().isUnauthorized()
                    .expectBody(String.class);
        }
        List<String> lines = linesSince(output, start);
        System.out.println("FIGURE log: " + posts + " unsigned posts to each webhook wrote " + lines.size()
                + " log lines");
        assertThat(lines).hasSizeLessThanOrEqualTo(4);
        assertThat(total("motcua.webhook.refused", "bad_signature")).isGreaterThanOrEqualTo(2 * posts);
    }

    @Test
    void anAbortedUploadWritesNoErrorAndNoStackTrace(CapturedOutput output) {
        int start = output.getAll().length();
        double before = total("motcua.webhook.refused", "incomplete_body");
        // Each promises less than its route's body limit (65,536 bytes on Zalo here, about 28,000 on the web chat).
        for (String path : new String[] {"/webhooks/messenger", "/webhooks/zalo", "/webchat/messages"}) {
            abortedUpload(path);
        }
        // Each aborted upload is counted, or (before the fix) its error logged.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                total("motcua.webhook.refused", "incomplete_body") >= before + 3
                        || linesSince(output, start).stream().filter(l -> l.contains("ERROR")).count() >= 3);
        List<String> lines = linesSince(output, start);
        long errors = lines.stream().filter(l -> l.contains("ERROR")).count();
        long stack = lines.stream().filter(l -> l.startsWith("\tat ") || l.contains("Exception")).count();
        System.out.println("FIGURE log: 3 aborted uploads wrote " + lines.size() + " lines, " + errors + " ERROR, "
                + stack + " stack-trace lines");
        assertThat(errors).isZero();
        assertThat(stack).isZero();
        assertThat(lines).as("one summary line per route at most").hasSizeLessThanOrEqualTo(3);
    }

    /** Promises 20,000 bytes, sends 85, and hangs up. */
    private void abortedUpload(String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\nX-ZEvent-Signature: mac=00\r\n"
                    + "Content-Length: 20000\r\n\r\n" + "{\"object\":\"page\",".repeat(5)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> linesSince(CapturedOutput output, int start) {
        return output.getAll().substring(start).lines().filter(line -> !line.startsWith("FIGURE")).toList();
    }
}
