package vn.motcua.conversation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN §5: BOT → WAITING_FOR_HUMAN → WITH_HUMAN → BOT (released) or CLOSED. The allowed moves are listed here, once;
 * everything else is refused with {@link IllegalTransitionException}.
 */
public enum ConversationState {
    BOT, WAITING_FOR_HUMAN, WITH_HUMAN, CLOSED;

    /** The state {@code transition} leads to from this one; empty when it is not allowed from here. */
    public Optional<ConversationState> after(Transition transition) {
        return Optional.ofNullable(switch (transition) {
            case ESCALATE -> from(EnumSet.of(BOT, WAITING_FOR_HUMAN), WAITING_FOR_HUMAN,
                    EnumSet.of(WITH_HUMAN), WITH_HUMAN);
            // A caseworker may also step into a conversation the bot is handling (seen in the console's list), or take
            // one over from a platform inbox; who may take it from whom is the handoff room's rule.
            case CLAIM -> from(EnumSet.of(BOT, WAITING_FOR_HUMAN), WITH_HUMAN, EnumSet.of(WITH_HUMAN), WITH_HUMAN);
            case PLATFORM_TAKEOVER -> WITH_HUMAN;
            case RELEASE -> this == WITH_HUMAN ? BOT : null;
            case CLOSE -> this == WITH_HUMAN ? CLOSED : null;
            case REOPEN -> this == CLOSED ? BOT : null;
        });
    }

    /** Like {@link #after}, for a move that must be allowed. */
    public ConversationState require(Transition transition) {
        return after(transition).orElseThrow(() -> new IllegalTransitionException(this, transition));
    }

    private ConversationState from(Set<ConversationState> sources, ConversationState to,
                                   Set<ConversationState> staying, ConversationState stay) {
        if (sources.contains(this)) {
            return to;
        }
        return staying.contains(this) ? stay : null;
    }
}
