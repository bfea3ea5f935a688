package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;


class PrivacyTest {

    private static ServerSecret secret(String value) {
        return new ServerSecret(new PrivacyProperties(value, null));
    }

    @Test
    void aConversationIdIsStableForOnePersonAndRevealsNothing() {
        PseudonymousIds ids = new PseudonymousIds(secret("one"));
        String id = ids.conversationId("messenger", "1234567890123456");
        assertThat(ids.conversationId("messenger", "1234567890123456")).isEqualTo(id);
        assertThat(id).doesNotContain("1234567890123456").hasSize(64);
        assertThat(ids.conversationId("zalo", "1234567890123456")).isNotEqualTo(id);
    }

    @Test
    void anotherServerSecretGivesOtherIds() {
        assertThat(new PseudonymousIds(secret("one")).conversationId("messenger", "42"))
                .isNotEqualTo(new PseudonymousIds(secret("two")).conversationId("messenger", "42"));
    }

    @Test
    void sealedTextReadsBackButShowsNothingAtRest() {
        TextSealer sealer = new TextSealer(secret("one"));
        String sealed = sealer.seal("chồng tôi đánh tôi");
        assertThat(sealed).doesNotContain("chồng").doesNotContain("đánh");
        assertThat(sealer.seal("chồng tôi đánh tôi")).isNotEqualTo(sealed);
        assertThat(sealer.open(sealed)).isEqualTo("chồng tôi đánh tôi");
    }

    @Test
    void textSealedWithAnotherSecretCannotBeRead() {
        String sealed = new TextSealer(secret("one")).seal("bí mật");
        assertThatThrownBy(() -> new TextSealer(secret("two")).open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
