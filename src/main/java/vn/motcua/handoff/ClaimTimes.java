package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * How long people recently waited until a caseworker claimed their conversation: the person who waits now is told
 * the likely wait from these. Durations only, no conversation ids.
 */
public interface ClaimTimes {

    /** Remembers one wait, keeping only the most recent ones. */
    Mono<Void> record(Duration waited);

    /** The most recent waits, newest first, at most {@code limit}. */
    Mono<List<Duration>> recent(int limit);
}
