package vn.motcua.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationState;

/**
 * The conversations handoff knows about — every one that was escalated or taken over, until it is erased or expires —
 * with their state, so the console can list those waiting, those with a person, those recently closed or given back
 * to the bot. The conversation itself stays the truth; this is updated under its lock after each change.
 */
public interface CaseIndex {

    /**
     * @param assignee who holds it while WITH_HUMAN or who closed it, else null
     * @param since    when it entered this state
     */
    record Entry(String conversationId, ConversationState state, String assignee, Instant since) {
    }

    Mono<Void> put(Entry entry);

    Mono<Entry> find(String conversationId);

    /** The entries in any of these states, in no particular order. */
    Mono<List<Entry>> inStates(Set<ConversationState> states);

    Mono<Void> forget(String conversationId);
}
