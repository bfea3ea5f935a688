package vn.motcua.channel.zalo;

import java.time.Duration;
import java.time.Instant;

/**
 * Webhook events built from Zalo's official samples (shared/reference/samples, copied to src/test/resources/samples),
 * with this test's ids put in. The samples carry 1970s timestamps ("154390853474" ms is 1974), which the age check
 * refuses as replays: a current timestamp is put in before signing, so the rest stays the platform's own shape.
 * Events with no official sample are the text sample with the fields platforms.md §2.2 documents for them.
 */
final class ZaloEvents {

    static final String TEXT_SAMPLE = ZaloOpenApiStub.sample("zalo-user_send_text.json");
    static final String FOLLOW_SAMPLE = ZaloOpenApiStub.sample("zalo-follow.json");

    private static final String SAMPLE_USER = "246845883529197922";
    private static final String SAMPLE_OA = "388613280878808645";
    private static final String SAMPLE_MSG_ID = "96d3cdf3af150460909";
    private static final String SAMPLE_TIMESTAMP = "154390853474";
    private static final String SAMPLE_TEXT = "\"text\": \"message\"";
    private static final String SAMPLE_SENDER = "\"sender\": {\n        \"id\": \"" + SAMPLE_USER + "\"\n    }";
    private static final String SAMPLE_RECIPIENT = "\"recipient\": {\n        \"id\": \"" + SAMPLE_OA + "\"\n    }";

    private ZaloEvents() {
    }

    static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    static String hoursAgo(int hours) {
        return Long.toString(Instant.now().minus(Duration.ofHours(hours)).toEpochMilli());
    }

    /** The official user_send_text sample, for this person, message id and text, sent now. */
    static String text(String userId, String msgId, String text) {
        return text(userId, msgId, text, now());
    }

    static String text(String userId, String msgId, String text, String timestamp) {
        return TEXT_SAMPLE.replace(SAMPLE_USER, userId).replace(SAMPLE_MSG_ID, msgId)
                .replace(SAMPLE_TEXT, "\"text\": \"" + text + "\"").replace(SAMPLE_TIMESTAMP, timestamp);
    }

    /**
     * The text sample as another event of the same envelope: its {@code message} holds {@code messageFields} instead
     * of the text (only the {@code msg_id} when blank).
     */
    static String userEvent(String eventName, String userId, String msgId, String messageFields) {
        String event = text(userId, msgId, "x").replace("\"user_send_text\"", "\"" + eventName + "\"");
        return messageFields.isBlank()
                ? event.replaceFirst("\"text\": \"x\",\\s*", "")
                : event.replace("\"text\": \"x\"", messageFields);
    }

    /** user_send_image, _sticker, … with one attachment of the documented payload shape. */
    static String attachment(String eventName, String userId, String msgId) {
        String type = eventName.substring("user_send_".length());
        String payload = switch (type) {
            case "location" -> "{\"coordinates\": {\"latitude\": \"10.7769\", \"longitude\": \"106.7009\"}}";
            case "file" -> "{\"size\": \"1024\", \"name\": \"a.pdf\", \"checksum\": \"0\", \"type\": \"pdf\","
                    + " \"url\": \"https://example.invalid/a.pdf\"}";
            default -> "{\"thumbnail\": \"https://example.invalid/t.jpg\", \"url\": \"https://example.invalid/a\"}";
        };
        return userEvent(eventName, userId, msgId,
                "\"attachments\": [{\"type\": \"" + type + "\", \"payload\": " + payload + "}]");
    }

    /** An oa_send_text echo: the OA is the sender, the person the recipient; {@code adminId} null for our own API send. */
    static String oaSendText(String userId, String msgId, String text, String adminId) {
        String sender = "\"sender\": {\"id\": \"" + SAMPLE_OA + "\""
                + (adminId == null ? "" : ", \"admin_id\": \"" + adminId + "\"") + "}";
        return text(userId, msgId, text).replace("\"user_send_text\"", "\"oa_send_text\"")
                .replace(SAMPLE_SENDER.replace(SAMPLE_USER, userId), sender)
                .replace(SAMPLE_RECIPIENT, "\"recipient\": {\"id\": \"" + userId + "\"}");
    }

    /** The official follow sample for this person, sent now, for our OA. */
    static String follow(String userId) {
        return FOLLOW_SAMPLE.replace("24684588352919792", userId).replace("388613280879808645", SAMPLE_OA)
                .replace("154397978274", now());
    }

    static String unfollow(String userId) {
        return follow(userId).replace("\"follow\"", "\"unfollow\"");
    }

    /** The sample's OA id, which the tests configure as ours (ZALO_OA_ID). */
    static String oaId() {
        return SAMPLE_OA;
    }

    static String appId() {
        return "360846524940903967";
    }
}
