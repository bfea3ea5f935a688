package vn.motcua.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessengerSignatureTest {

    /** The published test vector (platforms.md §1.2): body "{}", secret FAKE_SECRET. */
    private static final String VECTOR = "sha256=448df8785dd36742e43fa3cad9de2eca8ceb6391e79c742e33e52c6637f32dac";

    private final MessengerSignature signature = new MessengerSignature("FAKE_SECRET");
    private final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theKnownTestVectorMatches() {
        assertThat(signature.matches(body, VECTOR)).isTrue();
    }

    @Test
    void upperCaseHexAndPrefixStillMatch() {
        assertThat(signature.matches(body, VECTOR.toUpperCase())).isTrue();
    }

    @Test
    void theLegacySha1HeaderFormIsNotAccepted() {
        assertThat(signature.matches(body, "sha1=1c99183cb7c44ea27fb834746086b65b89800db8")).isFalse();
    }

    @Test
    void aSignatureWithoutItsPrefixOrForAnotherBodyIsRefused() {
        assertThat(signature.matches(body, VECTOR.substring("sha256=".length()))).isFalse();
        assertThat(signature.matches("{ }".getBytes(StandardCharsets.UTF_8), VECTOR)).isFalse();
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "sha256=")).isFalse();
    }
}
