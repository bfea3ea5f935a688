package vn.motcua.handoff;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a waiting person stands, as they are told it.
 *
 * @param position     1 for the next to be answered; 0 when the conversation is not waiting
 * @param expectedWait the median of recent waits until a claim; empty when there are too few to say
 */
public record Standing(int position, Optional<Duration> expectedWait) {
}
