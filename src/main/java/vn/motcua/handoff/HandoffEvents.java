package vn.motcua.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Live updates for the consoles: the turn, delivery reports and caseworker actions publish; each console listens. */
public interface HandoffEvents {

    /** Publishes to every console listening now; nobody listening is fine. */
    Mono<Void> publish(HandoffEvent event);

    /** Everything published from now on, until the subscriber cancels. */
    Flux<HandoffEvent> listen();
}
