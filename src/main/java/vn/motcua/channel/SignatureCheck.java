package vn.motcua.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time comparison of signatures, so a forger learns nothing from response times. */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    public static boolean sameHex(String expectedLowerHex, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedLowerHex.getBytes(StandardCharsets.US_ASCII),
                received.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
