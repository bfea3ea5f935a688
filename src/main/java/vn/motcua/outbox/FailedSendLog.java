package vn.motcua.outbox;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where failed sends are recorded for operators and caseworkers. An adapter may keep only the latest failures, but
 * never loses one silently: it counts every failure it is given.
 */
public interface FailedSendLog {

    Mono<Void> record(FailedSend failure);

    /** The most recent failures, oldest first. */
    Flux<FailedSend> recent();

    /** The recorded failures of one conversation, oldest first. */
    Flux<FailedSend> forConversation(String conversationId);

    /** Drops every failure of a conversation that is being erased. Harmless when there is none. */
    Mono<Void> forget(String conversationId);
}
