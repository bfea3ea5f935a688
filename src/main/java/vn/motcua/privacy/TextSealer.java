package vn.motcua.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts what people wrote, and where to reach them, before it is stored (AES-GCM, DESIGN §7), so a store dump or
 * a Redis snapshot shows nothing readable without the data key. A sealed value names the key that sealed it:
 * {@code mc1:<key id>:<base64(iv ‖ ciphertext ‖ tag)>}, the prefix and key id bound to the ciphertext as associated
 * data. Values sealed before key ids existed (plain base64, the key derived from the server secret) still open.
 */
@Component
public class TextSealer {

    /** Every sealed value starts with this. */
    public static final String PREFIX = "mc1:";
    /** A sealed value anywhere in a text (a JSON document, a hash field): prefix, key id, base64. */
    public static final Pattern SEALED = Pattern.compile("mc1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+={0,2}");

    private static final Logger log = LoggerFactory.getLogger(TextSealer.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The shortest legacy value: an IV and a tag around an empty text. */
    private static final int LEGACY_MIN_BYTES = IV_BYTES + TAG_BITS / 8;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    /** The key derived from the server secret only (tests, tools). */
    public TextSealer(ServerSecret secret) {
        this(DataKeys.parse(null, secret));
    }

    public TextSealer(DataKeys keys) {
        this.keys = keys;
    }

    @Autowired
    public TextSealer(ServerSecret secret, PrivacyProperties properties) {
        this(DataKeys.parse(properties.dataKey(), secret));
        if (keys.derived()) {
            log.warn("MOTCUA_DATA_KEY is not set: stored text is encrypted with a key derived from MOTCUA_SECRET "
                    + "(key id '{}'), for development only. Set MOTCUA_DATA_KEY in production (README, "
                    + "\"Running in production\").", DataKeys.DERIVED_ID);
        } else {
            log.info("Stored text is sealed with data key '{}'; keys that open: {}", keys.sealingId(), keys.ids());
        }
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        String id = keys.sealingId();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.sealing(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(id));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + id + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            return decrypt(keys.legacy(), null, sealed);
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("A stored value starts like a sealed one but has no key id");
        }
        String id = sealed.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.key(id);
        if (key == null) {
            throw new IllegalStateException("Stored text was sealed with data key '" + id
                    + "', which MOTCUA_DATA_KEY does not list (keys that open: " + keys.ids() + ")");
        }
        return decrypt(key, header(id), sealed.substring(colon + 1));
    }

    /** The key id a sealed value names; {@code null} for a value sealed before key ids existed, or not sealed. */
    public static String keyId(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return null;
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        return colon < 0 ? null : sealed.substring(PREFIX.length(), colon);
    }

    /** The id of the key that seals now. */
    public String sealingId() {
        return keys.sealingId();
    }

    /**
     * Whether a stored value is sealed: in the {@code mc1:} form, or a legacy value that opens under the key derived
     * from the server secret (a random text passes GCM's check with probability 2^-128).
     */
    public boolean isSealed(String value) {
        if (value == null) {
            return false;
        }
        if (value.startsWith(PREFIX)) {
            return SEALED.matcher(value).matches();
        }
        return isLegacy(value);
    }

    /** A value in the legacy form (no key id) that opens under the key derived from the server secret. */
    public boolean isLegacy(String value) {
        if (value == null || value.length() < 4 * ((LEGACY_MIN_BYTES + 2) / 3) || !BASE64.matcher(value).matches()) {
            return false;
        }
        try {
            decrypt(keys.legacy(), null, value);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The same text sealed under the current key; the value itself when the current key already sealed it.
     *
     * @throws IllegalStateException when no listed key opens it
     */
    public String reseal(String sealed) {
        if (sealingId().equals(keyId(sealed))) {
            return sealed;
        }
        return seal(open(sealed));
    }

    private static byte[] header(String id) {
        return (PREFIX + id).getBytes(StandardCharsets.US_ASCII);
    }

    private static String decrypt(SecretKeySpec key, byte[] aad, String base64) {
        try {
            byte[] all = Base64.getDecoder().decode(base64);
            if (all.length < LEGACY_MIN_BYTES) {
                throw new IllegalStateException("A stored value is too short to be sealed text");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored text could not be decrypted (was MOTCUA_DATA_KEY or MOTCUA_SECRET "
                    + "changed?)", e);
        }
    }
}
