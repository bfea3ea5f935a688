package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class DataKeysTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(bytes(1));
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString(bytes(2));
    private static final ServerSecret SECRET = new ServerSecret(new PrivacyProperties("s".repeat(40), null));

    static byte[] bytes(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    private static TextSealer sealer(String dataKey) {
        return new TextSealer(DataKeys.parse(dataKey, SECRET));
    }

    @Test
    void aSealedValueNamesItsKeyAndTheFirstKeySealsWhileEveryListedKeyOpens() {
        String underOld = sealer(K1).seal("chồng tôi đánh tôi");
        assertThat(underOld).startsWith("mc1:k1:").doesNotContain("chồng");
        assertThat(TextSealer.keyId(underOld)).isEqualTo("k1");

        TextSealer rotated = sealer(K2 + "," + K1);
        assertThat(rotated.open(underOld)).as("the old key still opens").isEqualTo("chồng tôi đánh tôi");
        String resealed = rotated.reseal(underOld);
        assertThat(resealed).startsWith("mc1:k2:");
        assertThat(rotated.reseal(resealed)).as("already under the current key: unchanged").isSameAs(resealed);
        assertThat(sealer(K2).open(resealed)).isEqualTo("chồng tôi đánh tôi");
        assertThatThrownBy(() -> sealer(K2).open(underOld)).as("once the old key is removed")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'k1'").hasMessageNotContaining(K1);
    }

    @Test
    void theKeyIdIsBoundToTheCiphertextSoSwappingItIsRefused() {
        TextSealer both = sealer(K1 + "," + K2);
        String sealed = both.seal("bí mật");
        String swapped = sealed.replace("mc1:k1:", "mc1:k2:");
        assertThatThrownBy(() -> both.open(swapped)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesSealedBeforeKeyIdsExistedStillOpenAndAreSealedAgainUnderTheCurrentKey() throws Exception {
        // The format TextSealer wrote before key ids: base64(iv ‖ ciphertext ‖ tag), key SHA-256(label ‖ secret).
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("motcua-text-sealer".getBytes(StandardCharsets.UTF_8));
        SecretKeySpec key = new SecretKeySpec(sha.digest(("s".repeat(40)).getBytes(StandardCharsets.UTF_8)), "AES");
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal("em bị đánh".getBytes(StandardCharsets.UTF_8));
        String legacy = Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + body.length).put(iv).put(body).array());

        TextSealer withKey = sealer(K1);
        assertThat(withKey.open(legacy)).isEqualTo("em bị đánh");
        assertThat(withKey.isLegacy(legacy)).isTrue();
        assertThat(withKey.isLegacy("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=")).as("base64, not sealed").isFalse();
        assertThat(withKey.reseal(legacy)).startsWith("mc1:k1:");
        assertThat(new TextSealer(SECRET).open(legacy)).as("without MOTCUA_DATA_KEY, the derived key").isEqualTo("em bị đánh");
        assertThat(new TextSealer(SECRET).seal("x")).startsWith("mc1:" + DataKeys.DERIVED_ID + ":");
    }

    @Test
    void aMalformedDataKeyIsRefusedWithALineThatNamesTheProblemButNeverTheKey() {
        String short16 = "k1:" + Base64.getEncoder().encodeToString(new byte[16]);
        List<String> refused = List.of(short16, "k1", ":" + K1.substring(3), "k 1:" + K1.substring(3), "k1:%%%",
                K1 + "," + K1, " , ");
        for (String value : refused) {
            assertThatThrownBy(() -> DataKeys.parse(value, SECRET)).as(value)
                    .isInstanceOf(DataKeys.InvalidDataKeyException.class)
                    .hasMessageStartingWith("MOTCUA_DATA_KEY")
                    .hasMessageNotContaining(K1.substring(3));
        }
        assertThat(DataKeys.parse(K2 + ", " + K1, SECRET).ids()).containsExactly("k2", "k1");
    }

    @Test
    void rewritingFindsSealedValuesInsideAJsonDocumentAndChangesNothingElse() {
        TextSealer old = sealer(K1);
        TextSealer current = sealer(K2 + "," + K1);
        String json = "{\"id\":\"abc\",\"turns\":[{\"sealedText\":\"" + old.seal("một") + "\"},{\"sealedText\":\""
                + current.seal("hai") + "\",\"intent\":\"greeting\"}],\"n\":3}";
        SealedValues.Result result = new SealedValues(current).rewrite(json);

        assertThat(result.resealed()).isEqualTo(1);
        assertThat(result.current()).isEqualTo(1);
        assertThat(result.value()).doesNotContain("mc1:k1:").contains("\"intent\":\"greeting\"").endsWith(",\"n\":3}");
        assertThat(new SealedValues(current).rewrite("plain words, no secret").changed()).isFalse();
        assertThat(new SealedValues(current).rewrite(old.seal("ba")).value()).startsWith("mc1:k2:");
        // A whole JSON document sealed, whose fields are sealed too (as the Redis adapters store some records).
        String nested = old.seal("{\"sealedText\":\"" + old.seal("bốn") + "\"}");
        SealedValues.Result both = new SealedValues(current).rewrite(nested);
        assertThat(both.value()).startsWith("mc1:k2:");
        String inside = current.open(both.value());
        assertThat(inside).doesNotContain("mc1:k1:");
        assertThat(sealer(K2).open(inside.substring(inside.indexOf("mc1:"), inside.lastIndexOf('"')))).isEqualTo("bốn");
    }
}
