package vn.motcua.outbox;

import reactor.core.publisher.Mono;
import vn.motcua.message.ReplyAddress;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Channel;

/** Sends messages to people on one platform. */
public interface Sender {

    Channel channel();

    /**
     * Sends one message, retrying what the platform says is temporary. Never errors: a message that could not be
     * delivered completes with a failed {@link SendOutcome} and is recorded in the {@link FailedSendLog}.
     */
    Mono<SendOutcome> send(OutboundMessage message);

    /** Shows that a reply is being written; best effort, failures are ignored. */
    default Mono<Void> showTyping(ReplyAddress to) {
        return Mono.empty();
    }
}
