package vn.motcua.channel.webchat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Web chat session ids: 192 random bits from {@link SecureRandom}, URL-safe Base64. Knowing the id is the only key to
 * a session (its stream, its messages, its erasure), so it must be impossible to guess.
 */
final class SessionIds {

    private static final int BYTES = 24;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Anything else cannot be one of ours and is turned away before it reaches a store. */
    static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
