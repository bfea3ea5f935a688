package vn.motcua.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys of stored text, by key id, from {@code MOTCUA_DATA_KEY} ({@code id:base64(32 bytes)[,id2:…]}): the
 * first key seals, every listed key opens, so a key is rotated by putting the new one first, running
 * {@code reseal}, then removing the old one. Without {@code MOTCUA_DATA_KEY} (development only) one key is derived
 * from the server secret, under the id {@value #DERIVED_ID}; it is also the key of values sealed before key ids
 * existed, which therefore still open.
 */
public final class DataKeys {

    /** The id of the key derived from the server secret. */
    public static final String DERIVED_ID = "secret";
    /** What a key id may be: short, and never containing the separator ':'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final String sealingId;
    private final Map<String, SecretKeySpec> keys;
    private final SecretKeySpec legacy;
    private final boolean derived;

    private DataKeys(String sealingId, Map<String, SecretKeySpec> keys, SecretKeySpec legacy, boolean derived) {
        this.sealingId = sealingId;
        this.keys = Collections.unmodifiableMap(keys);
        this.legacy = legacy;
        this.derived = derived;
    }

    /**
     * Reads {@code MOTCUA_DATA_KEY}; blank gives the key derived from the secret.
     *
     * @throws InvalidDataKeyException naming what is wrong, never repeating a key
     */
    public static DataKeys parse(String configured, ServerSecret secret) {
        SecretKeySpec legacy = derivedKey(secret);
        if (configured == null || configured.isBlank()) {
            Map<String, SecretKeySpec> one = new LinkedHashMap<>();
            one.put(DERIVED_ID, legacy);
            return new DataKeys(DERIVED_ID, one, legacy, true);
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String first = null;
        String[] entries = configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw new InvalidDataKeyException("MOTCUA_DATA_KEY: entry " + (i + 1)
                        + " is not id:base64-key (an id of letters, digits, '-' or '_', then ':', then 32 bytes in base64)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidDataKeyException("MOTCUA_DATA_KEY: the key '" + id + "' is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new InvalidDataKeyException("MOTCUA_DATA_KEY: the key '" + id + "' is " + key.length
                        + " bytes; it must be 32 (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new InvalidDataKeyException("MOTCUA_DATA_KEY: the key id '" + id + "' is listed twice");
            }
            first = first == null ? id : first;
        }
        if (first == null) {
            throw new InvalidDataKeyException("MOTCUA_DATA_KEY is set but lists no key");
        }
        return new DataKeys(first, keys, legacy, false);
    }

    /** The id of the key that seals. */
    public String sealingId() {
        return sealingId;
    }

    /** Every key id that opens, the sealing one first. */
    public java.util.Set<String> ids() {
        return keys.keySet();
    }

    /** True when no MOTCUA_DATA_KEY was given and the key comes from the server secret. */
    public boolean derived() {
        return derived;
    }

    SecretKeySpec sealing() {
        return keys.get(sealingId);
    }

    SecretKeySpec key(String id) {
        return keys.get(id);
    }

    /** The key of values sealed before key ids existed: derived from the server secret. */
    SecretKeySpec legacy() {
        return legacy;
    }

    private static SecretKeySpec derivedKey(ServerSecret secret) {
        try {
            // The derivation TextSealer always used, so values sealed before key ids existed still open.
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("motcua-text-sealer".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(sha.digest(secret.bytes()), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DataKeys[sealing=" + sealingId + ", ids=" + keys.keySet() + "]";
    }

    /** MOTCUA_DATA_KEY is not in the expected form. */
    public static final class InvalidDataKeyException extends IllegalStateException {

        public InvalidDataKeyException(String message) {
            super(message);
        }
    }
}
