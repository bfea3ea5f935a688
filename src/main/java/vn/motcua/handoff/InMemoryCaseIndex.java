package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationState;
import vn.motcua.privacy.PrivacyProperties;

/**
 * The case index in process memory, each entry forgotten a retention period after its last change, a closed case's
 * after the case period (as long as the conversation).
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCaseIndex implements CaseIndex {

    private final Cache<String, Entry> entries;

    @Autowired
    InMemoryCaseIndex(PrivacyProperties properties) {
        this(properties.retention(), properties.caseRetention());
    }

    InMemoryCaseIndex(Duration retention) {
        this(retention, retention);
    }

    InMemoryCaseIndex(Duration retention, Duration caseRetention) {
        this.entries = Caffeine.newBuilder().expireAfter(Expiry.<String, Entry>writing((id, e) ->
                e.state() == ConversationState.CLOSED ? caseRetention : retention)).build();
    }

    @Override
    public Mono<Void> put(Entry entry) {
        return Mono.fromRunnable(() -> entries.put(entry.conversationId(), entry));
    }

    @Override
    public Mono<Entry> find(String conversationId) {
        return Mono.fromSupplier(() -> entries.getIfPresent(conversationId));
    }

    @Override
    public Mono<List<Entry>> inStates(Set<ConversationState> states) {
        return Mono.fromSupplier(() -> entries.asMap().values().stream().filter(e -> states.contains(e.state())).toList());
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> entries.invalidate(conversationId));
    }
}
