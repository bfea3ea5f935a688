package vn.motcua.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Turns platform identities into keys that cannot be reversed without the server secret (DESIGN §7), so stores,
 * queues and logs never hold a platform user id in clear.
 */
@Component
public class PseudonymousIds {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PseudonymousIds(ServerSecret secret) {
        this.key = new SecretKeySpec(secret.bytes(), ALGORITHM);
    }

    /** The conversation key for a person on a platform: HMAC of {@code platform:userId}. */
    public String conversationId(String platform, String platformUserId) {
        return hmacHex(platform + ":" + platformUserId);
    }

    /** A keyed hash of any identifier (a message id, a dedupe key) that must not be stored as received. */
    public String hash(String value) {
        return hmacHex(value);
    }

    private String hmacHex(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
