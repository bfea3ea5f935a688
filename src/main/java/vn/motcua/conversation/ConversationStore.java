package vn.motcua.conversation;

import reactor.core.publisher.Mono;

/** Where conversations are kept, each for the retention period after its last activity. */
public interface ConversationStore {

    Mono<Conversation> find(String id);

    Mono<Void> save(Conversation conversation);

    /** Erases a conversation and everything in it. */
    Mono<Void> delete(String id);
}
