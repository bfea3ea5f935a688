package vn.motcua.conversation;

/** DESIGN §5: BOT → WAITING_FOR_HUMAN → WITH_HUMAN → BOT (released) or CLOSED. */
public enum ConversationState {
    BOT, WAITING_FOR_HUMAN, WITH_HUMAN, CLOSED
}
