package vn.motcua.handoff;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.message.OutboundMessage;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.OutboxEntry;

/** The desk's outbox in handoff tests: what it queues is kept in {@code sent}, in order, and never sent on. */
final class RecordingOutbox implements Outbox {

    private final List<OutboundMessage> sent;

    RecordingOutbox(List<OutboundMessage> sent) {
        this.sent = sent;
    }

    @Override
    public Mono<Void> enqueue(List<OutboundMessage> messages) {
        return Mono.fromRunnable(() -> sent.addAll(messages));
    }

    @Override
    public Flux<OutboxEntry> entries() {
        return Flux.never();
    }

    @Override
    public Mono<Void> acknowledge(OutboxEntry entry) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> discard(String conversationId) {
        return Mono.empty();
    }

    @Override
    public Mono<Boolean> stillWanted(OutboxEntry entry) {
        return Mono.just(true);
    }

    @Override
    public int pending() {
        return sent.size();
    }
}
