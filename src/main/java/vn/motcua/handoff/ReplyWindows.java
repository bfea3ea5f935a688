package vn.motcua.handoff;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.motcua.message.Channel;

/**
 * The platforms' windows for a caseworker's reply, counted from the person's last message (platforms.md §1.5, §2.4).
 * Messenger: 24 hours; with Meta's Human Agent permission ({@code MESSENGER_HUMAN_AGENT=true}) the reply goes with
 * the HUMAN_AGENT tag, up to 7 days. Zalo: {@code ZALO_CS_WINDOW} (sources disagree: 48 h or 7 days). The web chat
 * has no window: a reply reaches the page while its session lives, and the transcript shows when it did not.
 */
@Component
public class ReplyWindows {

    static final Duration MESSENGER_STANDARD = Duration.ofHours(24);
    static final Duration MESSENGER_HUMAN_AGENT = Duration.ofDays(7);
    static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";

    private final HandoffProperties properties;

    public ReplyWindows(HandoffProperties properties) {
        this.properties = properties;
    }

    /** @param lastHeard when the person last wrote, or null if never */
    public ReplyWindow at(Channel channel, Instant lastHeard, Instant now) {
        if (channel == Channel.WEBCHAT) {
            return ReplyWindow.openUntil(null, null);
        }
        if (lastHeard == null) {
            return ReplyWindow.closed("Người này chưa nhắn gì.");
        }
        if (channel == Channel.ZALO) {
            Instant closes = lastHeard.plus(properties.zaloCsWindow());
            return now.isBefore(closes) ? ReplyWindow.openUntil(closes, null)
                    : ReplyWindow.closed("Đã hết thời gian Zalo cho phép trả lời (" + hours(properties.zaloCsWindow())
                    + " kể từ tin nhắn cuối của người này).");
        }
        if (properties.messengerHumanAgent()) {
            Instant closes = lastHeard.plus(MESSENGER_HUMAN_AGENT);
            return now.isBefore(closes) ? ReplyWindow.openUntil(closes, HUMAN_AGENT_TAG)
                    : ReplyWindow.closed("Đã quá 7 ngày kể từ tin nhắn cuối của người này.");
        }
        Instant closes = lastHeard.plus(MESSENGER_STANDARD);
        return now.isBefore(closes) ? ReplyWindow.openUntil(closes, null)
                : ReplyWindow.closed("Đã quá 24 giờ kể từ tin nhắn cuối của người này, và Trang chưa được Meta cấp "
                + "quyền gửi tin của nhân viên (HUMAN_AGENT) sau 24 giờ.");
    }

    private static String hours(Duration window) {
        long hours = window.toHours();
        return hours % 24 == 0 && hours > 48 ? hours / 24 + " ngày" : hours + " giờ";
    }
}
