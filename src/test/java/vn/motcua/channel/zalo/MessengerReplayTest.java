package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A captured, correctly signed Messenger delivery replayed later is acknowledged (so Meta never retries it) and
 * ignored, and counted: Messenger had no age check before (issue 13), while Meta's own retries end within hours.
 */
class MessengerReplayTest extends HardenedWebhooksTest {

    @Test
    void aSignedDeliveryOlderThanTheMaximumAgeIsAcknowledgedIgnoredAndCounted() {
        String replayed = newPsid();
        String recent = newPsid();
        double ignoredBefore = counter("motcua.messenger.ignored", "reason", "too_old");
        long nineHoursAgo = Instant.now().minus(Duration.ofHours(9)).toEpochMilli();
        long sevenHoursAgo = Instant.now().minus(Duration.ofHours(7)).toEpochMilli();

        messenger.post(messengerText(replayed, newMid(), "xin chào", Long.toString(nineHoursAgo))).expectStatus().isOk();
        messenger.post(messengerText(recent, newMid(), "xin chào", Long.toString(sevenHoursAgo))).expectStatus().isOk();

        // The recent one is answered; by then the replay, posted first in the same line, would have been too.
        assertThat(awaitMessengerMessages(recent)).isNotZero();
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> GRAPH.messagesTo(replayed).isEmpty());
        System.out.println("FIGURE replay: a 9 h old signed delivery got " + GRAPH.messagesTo(replayed).size()
                + " answers");
        assertThat(counter("motcua.messenger.ignored", "reason", "too_old")).isEqualTo(ignoredBefore + 1);
    }

    private static int awaitMessengerMessages(String psid) {
        eventually().until(() -> !GRAPH.messagesTo(psid).isEmpty());
        return GRAPH.messagesTo(psid).size();
    }
}
