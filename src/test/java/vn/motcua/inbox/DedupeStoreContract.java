package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

/** What every {@link DedupeStore} adapter must do; each adapter's test extends this. */
abstract class DedupeStoreContract {

    abstract DedupeStore store();

    @Test
    void theFirstSightingIsNewAndEveryLaterOneIsNot() {
        String key = "test:" + UUID.randomUUID();
        StepVerifier.create(store().firstSighting(key)).expectNext(true).verifyComplete();
        StepVerifier.create(store().firstSighting(key)).expectNext(false).verifyComplete();
        StepVerifier.create(store().firstSighting(key)).expectNext(false).verifyComplete();
    }

    @Test
    void lookingDoesNotMarkAndAMarkedKeyIsSeen() {
        String key = "test:" + UUID.randomUUID();
        assertThat(store().seen(key).block()).as("never marked").isFalse();
        assertThat(store().seen(key).block()).as("looking marked nothing").isFalse();
        assertThat(store().firstSighting(key).block()).isTrue();
        assertThat(store().seen(key).block()).as("marked").isTrue();
    }

    @Test
    void differentKeysDoNotShadowEachOther() {
        String prefix = "test:" + UUID.randomUUID();
        assertThat(store().firstSighting(prefix + ":a").block()).isTrue();
        assertThat(store().firstSighting(prefix + ":b").block()).isTrue();
    }
}
