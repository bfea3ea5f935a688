package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What every {@link CaseworkerPresence} adapter must do. */
abstract class CaseworkerPresenceContract {

    abstract CaseworkerPresence newPresence();

    @Test
    void someoneSeenSinceTheGivenTimeCountsAndSomeoneWhoLeftDoesNot() {
        CaseworkerPresence presence = newPresence();
        Instant now = Instant.now();
        assertThat(presence.anyoneSince(now.minusSeconds(60)).block()).isFalse();

        presence.seen("lan", now.minusSeconds(300)).block();
        assertThat(presence.anyoneSince(now.minusSeconds(60)).block()).as("seen too long ago").isFalse();

        presence.seen("lan", now).block();
        assertThat(presence.anyoneSince(now.minusSeconds(60)).block()).isTrue();

        presence.left("lan").block();
        assertThat(presence.anyoneSince(now.minusSeconds(60)).block()).isFalse();
    }
}
