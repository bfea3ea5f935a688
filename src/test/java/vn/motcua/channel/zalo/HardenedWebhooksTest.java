package vn.motcua.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

/**
 * The service with both webhooks on and the input limits as shipped: Messenger's and Zalo's maximum event ages and the
 * web chat's sessions per address at their defaults (the test resources give the other test bases a century of event
 * age, because their fixtures carry 2023 timestamps, and a generous session limit). Messenger's body limit is its
 * default 1 MiB. Test classes that extend this share one application context.
 */
@TestPropertySource(properties = {
        "motcua.messenger.max-event-age=PT8H",
        "motcua.zalo.max-event-age=PT3H",
        "motcua.webchat.sessions-per-address=30",
        "motcua.webchat.session-rate-period=PT10M",
        "motcua.messenger.max-body-bytes=1048576"})
abstract class HardenedWebhooksTest extends ZaloIntegrationTest {

    static String newPsid() {
        return "psid-" + UUID.randomUUID();
    }

    static String newMid() {
        return "mid." + UUID.randomUUID();
    }

    /** One Messenger delivery holding one text event with this raw JSON {@code timestamp} value. */
    static String messengerText(String psid, String mid, String text, String rawTimestamp) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_ID\",\"time\":" + System.currentTimeMillis()
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE_ID\"},"
                + "\"timestamp\":" + rawTimestamp + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text
                + "\"}}]}]}";
    }

    double messengerAccepted() {
        return counter("motcua.inbox.accepted", "channel", "messenger");
    }

    /** A counter summed over its other tags (the channel). */
    double total(String name, String reason) {
        return meters.find(name).tag("reason", reason).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
