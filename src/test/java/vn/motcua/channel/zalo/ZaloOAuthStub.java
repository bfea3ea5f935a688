package vn.motcua.channel.zalo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Stands in for Zalo's OAuth host: every refresh gets a new pair in the shape of the official sample
 * (zalo-oauth-refresh-response.json), unless a test scripted a refusal. A test can hold the answer until a latch
 * opens, to prove that concurrent callers wait for one refresh instead of starting their own.
 */
final class ZaloOAuthStub extends Dispatcher {

    /** One refresh request as Zalo would have received it. */
    record RefreshCall(String path, String secretKey, String contentType, Map<String, String> form) {
    }

    private static final String SAMPLE = ZaloOpenApiStub.sample("zalo-oauth-refresh-response.json");
    private static final String SAMPLE_ACCESS = "RfBh5NdqsWzhcX8bDDe_1A463Z34Fhy1GVi63AoTU1InwujqF";
    private static final String SAMPLE_REFRESH = "L2Y2BO9Prn_I1SkM08T4J99bZQYVbOBPfTVeRgrLdPK4ZqGX9G";

    private final Queue<RefreshCall> calls = new ConcurrentLinkedQueue<>();
    private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
    private final Queue<String> issuedRefreshTokens = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch hold;

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        calls.add(new RefreshCall(request.getUrl().encodedPath(), request.getHeaders().get("secret_key"),
                request.getHeaders().get("Content-Type"), form(request.getBody() == null ? "" : request.getBody().utf8())));
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.await(10, TimeUnit.SECONDS);
        }
        MockResponse next = scripted.poll();
        if (next != null) {
            return next;
        }
        String id = UUID.randomUUID().toString();
        String refresh = "refresh-" + id;
        issuedRefreshTokens.add(refresh);
        return ZaloOpenApiStub.json(200, SAMPLE.replace(SAMPLE_ACCESS, "access-" + id).replace(SAMPLE_REFRESH, refresh));
    }

    /** Refresh answers wait until {@code latch} opens (at most 10 s). */
    void holdUntil(CountDownLatch latch) {
        this.hold = latch;
    }

    void release() {
        this.hold = null;
    }

    /** The next refresh is refused the way an invalid refresh token is. */
    void refuseNext() {
        scripted.add(ZaloOpenApiStub.json(200,
                "{\"error_name\":\"Invalid refresh token\",\"error_reason\":\"refresh token is invalid\",\"error\":-14014}"));
    }

    List<RefreshCall> calls() {
        return List.copyOf(calls);
    }

    String lastIssuedRefreshToken() {
        return issuedRefreshTokens.stream().reduce((a, b) -> b).orElse(null);
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
}
