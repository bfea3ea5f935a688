package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What every {@link ClaimTimes} adapter must do. */
abstract class ClaimTimesContract {

    abstract ClaimTimes newTimes();

    @Test
    void theMostRecentWaitsComeBackNewestFirstAndNoMoreThanAsked() {
        ClaimTimes times = newTimes();
        times.record(Duration.ofMinutes(1)).block();
        times.record(Duration.ofMinutes(2)).block();
        times.record(Duration.ofMinutes(3)).block();

        assertThat(times.recent(2).block()).containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(2));
        assertThat(newTimes().recent(5).block()).isEmpty();
    }
}
