package vn.motcua.channel.messenger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Posts webhook deliveries the way Meta does: raw JSON bytes signed with the app secret. */
public final class MessengerWebhookClient {

    private final WebTestClient http;
    private final String appSecret;

    public MessengerWebhookClient(WebTestClient http, String appSecret) {
        this.http = http;
        this.appSecret = appSecret;
    }

    public WebTestClient.ResponseSpec post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return postSigned(body, "sha256=" + sign(body));
    }

    public WebTestClient.ResponseSpec postSigned(byte[] body, String signatureHeader) {
        WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/messenger").contentType(MediaType.APPLICATION_JSON);
        if (signatureHeader != null) {
            request = request.header("X-Hub-Signature-256", signatureHeader);
        }
        return request.bodyValue(body).exchange();
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A full delivery with one entry holding the given {@code messaging[]} events. */
    public static String delivery(String... events) {
        return "{\"object\":\"page\",\"entry\":[" + entry(events) + "]}";
    }

    static String entry(String... events) {
        return "{\"id\":\"PAGE_ID\",\"time\":1700000000000,\"messaging\":[" + String.join(",", events) + "]}";
    }

    public static String text(String psid, String mid, String text) {
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},\"timestamp\":1700000000000,"
                + "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }

    static String quickReply(String psid, String mid, String title, String payload) {
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},\"timestamp\":1700000000000,"
                + "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + title + "\",\"quick_reply\":{\"payload\":\""
                + payload + "\"}}}";
    }
}
