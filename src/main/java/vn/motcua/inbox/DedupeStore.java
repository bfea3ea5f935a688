package vn.motcua.inbox;

import reactor.core.publisher.Mono;

/** Remembers which platform events were already accepted, for a window, so a redelivery is harmless. */
public interface DedupeStore {

    /** Whether {@code key} was marked within the window; marks nothing. */
    Mono<Boolean> seen(String key);

    /**
     * Marks {@code key} as seen.
     *
     * @return true the first time a key is seen within the window, false for every later sighting
     */
    Mono<Boolean> firstSighting(String key);
}
