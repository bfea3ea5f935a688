package vn.motcua.handoff;

import java.time.Instant;

/**
 * Whether a caseworker's reply can reach the person now, by the platform's rules.
 *
 * @param closesAt when it closes (null on the web chat, which has no window, or when it is closed already)
 * @param tag      {@code HUMAN_AGENT} when the reply goes on Messenger with that tag, else null
 * @param note     when closed, why, in Vietnamese for the caseworker; else null
 */
public record ReplyWindow(boolean open, Instant closesAt, String tag, String note) {

    static ReplyWindow openUntil(Instant closesAt, String tag) {
        return new ReplyWindow(true, closesAt, tag, null);
    }

    static ReplyWindow closed(String why) {
        return new ReplyWindow(false, null, null, why + " Người này chỉ nhận được tin nhắn khi họ viết lại.");
    }
}
