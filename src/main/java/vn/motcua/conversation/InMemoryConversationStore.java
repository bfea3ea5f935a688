package vn.motcua.conversation;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;

/**
 * Conversations in a Caffeine cache that expires each one a retention period after its last write; a closed case
 * (which no longer holds a transcript or a reply address) after the case period.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryConversationStore implements ConversationStore {

    private final Cache<String, Conversation> conversations;

    InMemoryConversationStore(PrivacyProperties properties) {
        Duration open = properties.retention();
        Duration closed = properties.caseRetention();
        this.conversations = Caffeine.newBuilder()
                .expireAfter(Expiry.<String, Conversation>writing((id, c) ->
                        c.state() == ConversationState.CLOSED ? closed : open))
                .build();
    }

    @Override
    public Mono<Conversation> find(String id) {
        return Mono.fromSupplier(() -> conversations.getIfPresent(id));
    }

    @Override
    public Mono<Void> save(Conversation conversation) {
        return Mono.fromRunnable(() -> conversations.put(conversation.id(), conversation));
    }

    @Override
    public Mono<Void> delete(String id) {
        return Mono.fromRunnable(() -> conversations.invalidate(id));
    }
}
