package vn.motcua.handoff;

import reactor.core.publisher.Mono;

/**
 * Erases everything stored about one conversation, in every store (DESIGN §6.4): the same erasure as the person's
 * own "xóa". Implemented by the bot room, which knows every store; the console reaches it through
 * {@link CaseworkerDesk#erase}. Callers hold the conversation's lock.
 */
public interface ConversationErasure {

    Mono<Void> erase(String conversationId);
}
