package vn.motcua.channel.messenger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.message.ReplyAddress;

/**
 * Maps a Messenger webhook delivery to inbound events: every event of every entry, from {@code messaging[]} and
 * {@code standby[]} alike, because deliveries are batched (platforms.md §1.3).
 *
 * <p>Nothing is logged here, per event: a signed delivery may hold hundreds of thousands of them. What is skipped is
 * counted by reason in the map the caller passes, and the caller writes at most one rate-limited line per reason.
 */
final class MessengerEventMapper {

    /** Reasons for skipping an event (tags of {@code motcua.messenger.ignored}). */
    static final String NO_SENDER = "no_sender";
    static final String BAD_TIMESTAMP = "bad_timestamp";
    static final String EMPTY = "empty";
    static final String UNKNOWN = "unknown";
    static final String OTHER_OBJECT = "other_object";

    /** Meta's timestamps are epoch milliseconds (seconds in some samples); nothing real lies beyond year 5138. */
    private static final long MAX_EPOCH_MILLI = 100_000_000_000_000L;
    private static final Pattern NUMERIC = Pattern.compile("[-+0-9.eE]+");
    private static final Set<String> ENVELOPE = Set.of("sender", "recipient", "timestamp");
    private static final Set<String> IGNORED = Set.of("read", "delivery", "reaction", "message_edit",
            "pass_thread_control", "take_thread_control", "request_thread_control", "app_roles");

    /** The Facebook Page Inbox's app id (Handover Protocol, platforms.md §1.7). */
    static final String PAGE_INBOX_APP_ID = "263902037430900";

    private final ObjectMapper json;

    MessengerEventMapper(ObjectMapper json) {
        this.json = json;
    }

    List<InboundEvent> map(byte[] body) {
        return map(body, new TreeMap<>());
    }

    /**
     * @param skipped receives, per reason, how many events of the delivery were acknowledged but not queued
     */
    List<InboundEvent> map(byte[] body, Map<String, Long> skipped) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("body is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("entry").isArray()) {
            throw new MalformedWebhookException("body has no entry array");
        }
        if (!"page".equals(root.path("object").asString(""))) {
            skipped.merge(OTHER_OBJECT, 1L, Long::sum);
            return List.of();
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            mapAll(entry.path("messaging"), false, events, skipped);
            mapAll(entry.path("standby"), true, events, skipped);
        }
        return events;
    }

    private void mapAll(JsonNode items, boolean standby, List<InboundEvent> out, Map<String, Long> skipped) {
        if (!items.isArray()) {
            return;
        }
        for (JsonNode item : items) {
            if (item.path("message").path("is_echo").asBoolean(false)) {
                InboundEvent echo = echo(item, standby, skipped);
                if (echo != null) {
                    out.add(echo);
                }
                continue;
            }
            ReplyAddress from = sender(item.path("sender"));
            if (from == null) {
                skipped.merge(NO_SENDER, 1L, Long::sum);
                continue;
            }
            Instant at = timestamp(item.path("timestamp"));
            if (at == null) {
                skipped.merge(BAD_TIMESTAMP, 1L, Long::sum);
                continue;
            }
            InboundEvent event = mapOne(item, from, at, standby, skipped);
            if (event != null) {
                out.add(event);
            }
        }
    }

    private InboundEvent mapOne(JsonNode item, ReplyAddress from, Instant at, boolean standby,
                                Map<String, Long> skipped) {
        JsonNode message = item.path("message");
        if (message.isObject()) {
            String mid = message.path("mid").asString(null);
            InboundContent content = messageContent(message);
            if (content == null) {
                skipped.merge(EMPTY, 1L, Long::sum);
                return null;
            }
            return new InboundEvent(idOr(mid, "message", from, at), from, at, content, standby);
        }
        JsonNode postback = item.path("postback");
        if (postback.isObject()) {
            return new InboundEvent(idOr(postback.path("mid").asString(null), "postback", from, at), from, at,
                    new InboundContent.Postback(postback.path("payload").asString(""), postback.path("title").asString("")),
                    standby);
        }
        JsonNode referral = item.path("referral");
        if (referral.isObject()) {
            return new InboundEvent(idOr(null, "referral", from, at), from, at,
                    new InboundContent.Referral(referral.path("source").asString("")), standby);
        }
        JsonNode optin = item.path("optin");
        if (optin.isObject()) {
            return new InboundEvent(idOr(null, "optin", from, at), from, at,
                    new InboundContent.OptIn(optin.path("type").asString("one_time"),
                            optin.path("notification_messages_token").asString(null)), standby);
        }
        Set<String> names = new TreeSet<>(item.propertyNames());
        names.removeAll(ENVELOPE);
        if (names.stream().noneMatch(IGNORED::contains)) {
            skipped.merge(UNKNOWN, 1L, Long::sum);
        }
        return null;
    }

    /**
     * An echo of a message the Page sent. Ours, and other apps', carry their app's id and are ignored; one typed by a
     * person in the Page's own inbox carries the Page Inbox's app id, or none (platforms.md §1.4): it is recorded as a
     * caseworker's message, and the conversation is then with a person. The person is the recipient here.
     */
    private InboundEvent echo(JsonNode item, boolean standby, Map<String, Long> skipped) {
        JsonNode message = item.path("message");
        String app = message.path("app_id").asString("");
        if (!app.isBlank() && !PAGE_INBOX_APP_ID.equals(app)) {
            return null;
        }
        ReplyAddress person = sender(item.path("recipient"));
        if (person == null) {
            skipped.merge(NO_SENDER, 1L, Long::sum);
            return null;
        }
        Instant at = timestamp(item.path("timestamp"));
        if (at == null) {
            skipped.merge(BAD_TIMESTAMP, 1L, Long::sum);
            return null;
        }
        String text = message.path("text").asString(null);
        return new InboundEvent(idOr(message.path("mid").asString(null), "echo", person, at), person, at,
                new InboundContent.CaseworkerEcho(text), standby);
    }

    private static InboundContent messageContent(JsonNode message) {
        String text = message.path("text").asString(null);
        JsonNode quickReply = message.path("quick_reply");
        if (quickReply.isObject() && quickReply.hasNonNull("payload")) {
            return new InboundContent.QuickReply(quickReply.path("payload").asString(""), text == null ? "" : text);
        }
        if (text != null && !text.isBlank()) {
            return new InboundContent.Text(text);
        }
        JsonNode attachments = message.path("attachments");
        if (attachments.isArray() && !attachments.isEmpty()) {
            List<String> types = new ArrayList<>();
            attachments.forEach(a -> types.add(a.path("type").asString("unknown")));
            return new InboundContent.Attachment(types);
        }
        return null;
    }

    private static ReplyAddress sender(JsonNode sender) {
        String id = sender.path("id").asString(null);
        if (id != null && !id.isBlank()) {
            return new ReplyAddress(Channel.MESSENGER, id, false);
        }
        String userRef = sender.path("user_ref").asString(null);
        if (userRef != null && !userRef.isBlank()) {
            return new ReplyAddress(Channel.MESSENGER, userRef, true);
        }
        return null;
    }

    /**
     * Timestamps are epoch milliseconds, but some documented samples carry seconds, or a placeholder string (read as
     * the time received). A number no clock can hold (negative, fractional, 1e308, beyond 2^63, a numeric string of
     * the same, a boolean, an object) gives null: the event is acknowledged and skipped, never a 500.
     */
    static Instant timestamp(JsonNode node) {
        long value;
        if (node.isMissingNode() || node.isNull()) {
            return Instant.now();
        }
        if (node.isNumber()) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                return null;
            }
            value = node.asLong();
        } else if (node.isString()) {
            String text = node.asString("").trim();
            if (!NUMERIC.matcher(text).matches()) {
                return Instant.now();
            }
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (value < 0 || value > MAX_EPOCH_MILLI) {
            return null;
        }
        return value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }

    /** Events without a platform id are deduplicated on what they are, who sent them and when. */
    private static String idOr(String mid, String kind, ReplyAddress from, Instant at) {
        if (mid != null && !mid.isBlank()) {
            return "messenger:mid:" + mid;
        }
        return "messenger:" + kind + ":" + from.userId() + ":" + at.toEpochMilli();
    }
}
