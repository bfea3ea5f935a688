package vn.motcua.inbox;

import reactor.core.publisher.Mono;
import vn.motcua.message.InboundEvent;

/** Runs the bot's turn for one inbound event. Implemented by the conversation room. */
public interface InboundEventHandler {

    Mono<Void> handle(InboundEvent event);
}
