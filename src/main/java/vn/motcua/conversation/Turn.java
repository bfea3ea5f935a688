package vn.motcua.conversation;

import java.time.Instant;

/**
 * One message in a conversation.
 *
 * @param sealedText the text, encrypted (DESIGN §7); null for non-text events
 * @param intent     what the bot understood (person) or answered (bot), or null
 */
public record Turn(Speaker speaker, String sealedText, String intent, Instant at) {
}
