package vn.motcua.message;

/**
 * Why a message is sent, which decides how each platform must be asked to deliver it (platforms.md: windows and tags).
 */
public enum Purpose {
    /** The bot's reply to something the person just wrote, inside the platform's standard window. */
    RESPONSE,
    /** A caseworker's reply; on Messenger, past the 24-hour window, only with the Human Agent tag (up to 7 days). */
    HUMAN_AGENT,
    /** An awareness message to someone who opted in. */
    CAMPAIGN
}
