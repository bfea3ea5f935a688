package vn.motcua.channel.messenger;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.motcua.channel.SignatureCheck;

/** Checks {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>} (platforms.md §1.2). */
final class MessengerSignature {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    MessengerSignature(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");
    }

    boolean matches(byte[] rawBody, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return SignatureCheck.sameHex(sign(rawBody), header.substring(PREFIX.length()));
    }

    String sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
