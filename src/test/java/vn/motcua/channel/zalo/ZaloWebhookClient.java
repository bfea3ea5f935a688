package vn.motcua.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts webhook events the way Zalo does: the raw JSON bytes with {@code X-ZEvent-Signature: mac=<sha256 hex of
 * app_id + body + timestamp + OA secret key>}, the timestamp being the body's own.
 */
final class ZaloWebhookClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient http;
    private final String appId;
    private final String oaSecretKey;

    ZaloWebhookClient(WebTestClient http, String appId, String oaSecretKey) {
        this.http = http;
        this.appId = appId;
        this.oaSecretKey = oaSecretKey;
    }

    WebTestClient.ResponseSpec post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return postSigned(body, "mac=" + sign(body, timestampOf(json)), null);
    }

    WebTestClient.ResponseSpec postSigned(byte[] body, String signatureHeader, String timestampHeader) {
        WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/zalo").contentType(MediaType.APPLICATION_JSON);
        if (signatureHeader != null) {
            request = request.header("X-ZEvent-Signature", signatureHeader);
        }
        if (timestampHeader != null) {
            request = request.header("X-ZEvent-Timestamp", timestampHeader);
        }
        return request.bodyValue(body).exchange();
    }

    /** Computed here from the formula, independently of the service's own class. */
    String sign(byte[] body, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(appId.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            sha.update((timestamp + oaSecretKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's timestamp as signed (a number's text as written), or null when there is none. */
    static String timestampOfOrNull(String json) {
        try {
            var node = JSON.readTree(json).path("timestamp");
            return node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asString("") : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String timestampOf(String json) {
        return JSON.readTree(json).path("timestamp").asString();
    }
}
