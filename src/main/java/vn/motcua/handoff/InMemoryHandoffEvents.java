package vn.motcua.handoff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Events within one process. A console that cannot keep up misses events rather than slowing the turn down; it
 * re-reads the queue when it reconnects.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryHandoffEvents implements HandoffEvents {

    private final Sinks.Many<HandoffEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return Mono.fromRunnable(() -> {
            synchronized (sink) {
                sink.tryEmitNext(event);
            }
        });
    }

    @Override
    public Flux<HandoffEvent> listen() {
        return sink.asFlux();
    }
}
