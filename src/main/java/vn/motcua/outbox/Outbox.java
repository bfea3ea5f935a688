package vn.motcua.outbox;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.message.OutboundMessage;

/**
 * Messages decided by a turn (or a caseworker) and waiting to be sent. A turn saves the conversation, then hands its
 * messages here; senders deliver them after the lock is released, so no platform can hold up a turn. At-least-once:
 * an entry stays until acknowledged after the platform's answer. Each message carries its own id, so an entry taken
 * over after a crash is recognised as already sent and not sent twice.
 */
public interface Outbox {

    /** Adds messages, in order; when the Mono completes they are held. */
    Mono<Void> enqueue(List<OutboundMessage> messages);

    /** The entries to send, in the order enqueued. One subscriber (the outbox worker) per process. */
    Flux<OutboxEntry> entries();

    /** The entry was delivered, or given up on: remove it for good, and remember its message as sent. */
    Mono<Void> acknowledge(OutboxEntry entry);

    /** Erasure: nothing enqueued so far for this conversation is sent any more. */
    Mono<Void> discard(String conversationId);

    /** False when the entry's conversation was discarded after it was enqueued, or its message was already sent. */
    Mono<Boolean> stillWanted(OutboxEntry entry);

    /** Entries enqueued and not yet acknowledged. */
    int pending();
}
