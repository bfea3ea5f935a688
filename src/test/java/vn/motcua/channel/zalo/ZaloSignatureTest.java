package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * {@code X-ZEvent-Signature} = SHA-256 hex of app id + raw body + timestamp + OA secret key (platforms.md §2.3). The
 * expected digest of the official text sample was computed outside Java:
 * {@code { printf %s 360846524940903967; cat zalo-user_send_text.json; printf %s 154390853474test-oa-secret-key; } | sha256sum}.
 */
class ZaloSignatureTest {

    private static final String SAMPLE_MAC = "4457e6c0b195783a6a0a1f48164fdf71ea9899e2ff03fcc2247f40ec04c02898";
    private static final String SAMPLE_TIMESTAMP = "154390853474";

    private final ZaloSignature signature = new ZaloSignature("360846524940903967", "test-oa-secret-key");
    private final byte[] sample = ZaloEvents.TEXT_SAMPLE.getBytes(StandardCharsets.UTF_8);

    @Test
    void theOfficialSampleSignsToTheDigestComputedWithSha256sum() {
        assertThat(signature.sign(sample, SAMPLE_TIMESTAMP)).isEqualTo(SAMPLE_MAC);
    }

    @Test
    void isAPlainHashOfTheConcatenationNotAnHmac() {
        ZaloSignature small = new ZaloSignature("app", "key");
        // printf %s 'app{"a":1}123key' | sha256sum
        assertThat(small.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "123"))
                .isEqualTo("98e3957b5c5cfa9d50341861fa7dd53b4e00f83ac803dc2ea0a1235092877b10");
    }

    @Test
    void acceptsTheDigestWithAndWithoutTheMacPrefix() {
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, "mac=" + SAMPLE_MAC)).isTrue();
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, SAMPLE_MAC)).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAndAnUpperCasePrefix() {
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, "MAC=" + SAMPLE_MAC.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void refusesAWrongOrMissingSignature() {
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, "mac=" + "0".repeat(64))).isFalse();
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, "")).isFalse();
        assertThat(signature.matches(sample, SAMPLE_TIMESTAMP, null)).isFalse();
    }

    @Test
    void refusesABodyChangedByOneByte() {
        byte[] changed = sample.clone();
        changed[changed.length / 2] ^= 1;
        assertThat(signature.matches(changed, SAMPLE_TIMESTAMP, SAMPLE_MAC)).isFalse();
    }

    @Test
    void refusesTheSameBodyWithAnotherTimestamp() {
        assertThat(signature.matches(sample, "154390853475", SAMPLE_MAC)).isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        ZaloSignature other = new ZaloSignature("360846524940903967", "another-key");
        assertThat(other.matches(sample, SAMPLE_TIMESTAMP, SAMPLE_MAC)).isFalse();
    }
}
