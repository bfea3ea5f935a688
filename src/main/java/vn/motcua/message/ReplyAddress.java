package vn.motcua.message;

/**
 * Where a reply goes on a platform. Held in memory during a turn and stored only encrypted (DESIGN §7).
 *
 * @param channel the platform
 * @param userId  the platform's id of the person (PSID on Messenger), or a {@code user_ref} from the chat plugin
 * @param userRef true when {@code userId} is a Messenger {@code user_ref} rather than a PSID
 */
public record ReplyAddress(Channel channel, String userId, boolean userRef) {

    public static ReplyAddress of(Channel channel, String userId) {
        return new ReplyAddress(channel, userId, false);
    }

    /** Never print the id: logs must not carry platform ids. */
    @Override
    public String toString() {
        return "ReplyAddress[" + channel + "]";
    }
}
