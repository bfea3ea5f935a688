package vn.motcua.campaign;

import reactor.core.publisher.Mono;
import vn.motcua.message.Channel;

/** Who asked to receive awareness messages, by pseudonymous conversation id and channel. */
public interface SubscriberStore {

    /**
     * Records an opt-in.
     *
     * @param sendToken the platform's permission to message this person later (Messenger notification token), or null
     */
    Mono<Void> subscribe(String conversationId, Channel channel, String sendToken);

    /** Removes an opt-in at once; harmless when there was none. */
    Mono<Void> unsubscribe(String conversationId);

    Mono<Boolean> isSubscribed(String conversationId);
}
