package vn.motcua.conversation;

/** A move the conversation's state does not allow (DESIGN §5), e.g. closing a conversation nobody has claimed. */
public final class IllegalTransitionException extends RuntimeException {

    private final ConversationState from;
    private final Transition transition;

    public IllegalTransitionException(ConversationState from, Transition transition) {
        super(transition + " is not allowed from " + from);
        this.from = from;
        this.transition = transition;
    }

    public ConversationState from() {
        return from;
    }

    public Transition transition() {
        return transition;
    }
}
