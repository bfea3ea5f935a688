package vn.motcua.conversation;

/** Who wrote a turn. */
public enum Speaker {
    PERSON, BOT, CASEWORKER
}
