package vn.motcua.handoff;

import vn.motcua.message.ReplyAddress;

/**
 * Sealing and opening what handoff stores about a person: transcript and note text, and the conversation's sealed
 * reply address. Implemented by the bot room, which owns how addresses are sealed; the handoff room never sees a
 * secret.
 */
public interface PersonalData {

    /** Encrypts a text for storage; null stays null. */
    String seal(String text);

    /** Decrypts a stored text; null stays null. */
    String open(String sealed);

    /** The reply address sealed on a conversation. */
    ReplyAddress openAddress(String sealedAddress);
}
