package vn.motcua.inbox;

import reactor.core.publisher.Mono;

/** Remembers which platform events were already accepted, for a window, so a redelivery is harmless. */
public interface DedupeStore {

    /**
     * Marks {@code key} as seen.
     *
     * @return true the first time a key is seen within the window, false for every later sighting
     */
    Mono<Boolean> firstSighting(String key);

    /** Forgets a key, so that an event whose enqueue failed can be accepted again on the platform's retry. */
    Mono<Void> forget(String key);
}
