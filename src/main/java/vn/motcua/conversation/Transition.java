package vn.motcua.conversation;

/**
 * What moves a conversation between its states (DESIGN §5). Erasure is not one of them: it removes the conversation
 * from any state.
 */
public enum Transition {
    /** The dialogue asks for a person: it waits for one, or, already with one, stays with them at a raised priority. */
    ESCALATE,
    /** A caseworker takes it over in the console. */
    CLAIM,
    /** Someone answered in the platform's own inbox (the Zalo OA chat, the Page inbox): a person has it now. */
    PLATFORM_TAKEOVER,
    /** The caseworker gives it back to the bot. */
    RELEASE,
    /** The caseworker closes it, with an outcome. */
    CLOSE,
    /** The person writes again after it was closed: the bot answers again. */
    REOPEN
}
