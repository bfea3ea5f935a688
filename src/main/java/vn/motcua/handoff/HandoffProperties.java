package vn.motcua.handoff;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Handoff settings (README, configuration table).
 *
 * @param alertAfterCritical  a CRITICAL conversation waiting this long re-alerts the caseworkers (and again each time
 *                            as long again passes)
 * @param alertAfter          the same for HIGH and NORMAL
 * @param dutyHours           when caseworkers are on duty, in {@code zone}: {@code MON-FRI 07:30-17:00; SAT 08:00-12:00}
 * @param zone                the schedule's time zone
 * @param presence            a caseworker counts as signed in for this long after their last request or heartbeat
 * @param zaloCsWindow        how long after the person's last message a Zalo consultation message may be sent
 * @param messengerHumanAgent the Page has Meta's Human Agent permission: replies may go with the HUMAN_AGENT tag, up to
 *                            7 days after the person's last message
 * @param checkInterval       how often waiting conversations are checked for re-alerts
 * @param recentClaims        how many recent claims the expected wait is estimated from
 */
@ConfigurationProperties("motcua.handoff")
public record HandoffProperties(Duration alertAfterCritical, Duration alertAfter, String dutyHours, ZoneId zone,
                                Duration presence, Duration zaloCsWindow, boolean messengerHumanAgent,
                                Duration checkInterval, int recentClaims) {

    public HandoffProperties {
        alertAfterCritical = positiveOr(alertAfterCritical, Duration.ofMinutes(5));
        alertAfter = positiveOr(alertAfter, Duration.ofMinutes(15));
        dutyHours = dutyHours == null || dutyHours.isBlank() ? DutySchedule.ALWAYS : dutyHours;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        presence = positiveOr(presence, Duration.ofMinutes(2));
        zaloCsWindow = positiveOr(zaloCsWindow, Duration.ofHours(48));
        checkInterval = positiveOr(checkInterval, Duration.ofSeconds(30));
        recentClaims = recentClaims > 0 ? recentClaims : 20;
        DutySchedule.parse(dutyHours);
    }

    /** Defaults throughout, for tests. */
    public static HandoffProperties defaults() {
        return new HandoffProperties(null, null, null, null, null, null, false, null, 0);
    }

    public HandoffProperties withMessengerHumanAgent(boolean on) {
        return new HandoffProperties(alertAfterCritical, alertAfter, dutyHours, zone, presence, zaloCsWindow, on,
                checkInterval, recentClaims);
    }

    public HandoffProperties withDutyHours(String hours) {
        return new HandoffProperties(alertAfterCritical, alertAfter, hours, zone, presence, zaloCsWindow,
                messengerHumanAgent, checkInterval, recentClaims);
    }

    /** How long a conversation of this priority may wait before the caseworkers are alerted again. */
    public Duration alertAfter(vn.motcua.message.Priority priority) {
        return priority == vn.motcua.message.Priority.CRITICAL ? alertAfterCritical : alertAfter;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
