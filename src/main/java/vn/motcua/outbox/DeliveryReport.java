package vn.motcua.outbox;

import reactor.core.publisher.Mono;
import vn.motcua.message.OutboundMessage;

/**
 * Told what became of every message the outbox sent, so the transcript can say delivered or failed (and why).
 * Implemented by the room that owns conversations; it must take the conversation's lock to write.
 */
public interface DeliveryReport {

    Mono<Void> report(OutboundMessage message, SendOutcome outcome);
}
