package vn.motcua.handoff;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Which caseworkers are signed in and active: with the duty schedule, it decides whether anyone is on duty. */
public interface CaseworkerPresence {

    /** The caseworker made a request, or their console's event stream is open. */
    Mono<Void> seen(String caseworker, Instant at);

    /** The caseworker signed out. */
    Mono<Void> left(String caseworker);

    /** True when some caseworker was seen at or after {@code since}. */
    Mono<Boolean> anyoneSince(Instant since);
}
