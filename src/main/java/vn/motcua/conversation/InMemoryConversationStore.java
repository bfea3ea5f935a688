package vn.motcua.conversation;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;

/** Conversations in a Caffeine cache that expires each one a retention period after its last write. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryConversationStore implements ConversationStore {

    private final Cache<String, Conversation> conversations;

    InMemoryConversationStore(PrivacyProperties properties) {
        this.conversations = Caffeine.newBuilder()
                .expireAfterWrite(properties.retention().toMillis(), TimeUnit.MILLISECONDS)
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
