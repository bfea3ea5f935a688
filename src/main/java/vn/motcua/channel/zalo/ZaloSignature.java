package vn.motcua.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import vn.motcua.channel.SignatureCheck;

/**
 * Checks {@code X-ZEvent-Signature}: the SHA-256 hex of {@code app_id + raw body + timestamp + OA secret key}, a plain
 * hash of the concatenation and not an HMAC (platforms.md §2.3; the official Java SDK's {@code MacUtils.buildMac}).
 * Accepted with or without a {@code mac=} prefix and in either hex case, compared in constant time.
 */
final class ZaloSignature {

    private static final String PREFIX = "mac=";

    private final byte[] appId;
    private final byte[] oaSecretKey;

    ZaloSignature(String appId, String oaSecretKey) {
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.oaSecretKey = oaSecretKey.getBytes(StandardCharsets.UTF_8);
    }

    boolean matches(byte[] rawBody, String timestamp, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
        }
        return SignatureCheck.sameHex(sign(rawBody, timestamp), value);
    }

    String sign(byte[] rawBody, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(appId);
            sha.update(rawBody);
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(oaSecretKey);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
