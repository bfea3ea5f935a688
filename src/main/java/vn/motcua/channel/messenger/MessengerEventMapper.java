package vn.motcua.channel.messenger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
final class MessengerEventMapper {

    private static final Logger log = LoggerFactory.getLogger(MessengerEventMapper.class);
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
            log.info("Ignored a webhook delivery for object '{}'", root.path("object").asString(""));
            return List.of();
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            mapAll(entry.path("messaging"), false, events);
            mapAll(entry.path("standby"), true, events);
        }
        return events;
    }

    private void mapAll(JsonNode items, boolean standby, List<InboundEvent> out) {
        if (!items.isArray()) {
            return;
        }
        for (JsonNode item : items) {
            if (item.path("message").path("is_echo").asBoolean(false)) {
                InboundEvent echo = echo(item, standby);
                if (echo != null) {
                    out.add(echo);
                }
                continue;
            }
            ReplyAddress from = sender(item.path("sender"));
            if (from == null) {
                log.warn("Skipped a Messenger event without a sender");
                continue;
            }
            Instant at = timestamp(item.path("timestamp"));
            InboundEvent event = mapOne(item, from, at, standby);
            if (event != null) {
                out.add(event);
            }
        }
    }

    private InboundEvent mapOne(JsonNode item, ReplyAddress from, Instant at, boolean standby) {
        JsonNode message = item.path("message");
        if (message.isObject()) {
            String mid = message.path("mid").asString(null);
            InboundContent content = messageContent(message);
            if (content == null) {
                log.info("Ignored a Messenger message with neither text nor attachments");
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
            log.info("Acknowledged an unknown Messenger event type {}", names);
        }
        return null;
    }

    /**
     * An echo of a message the Page sent. Ours, and other apps', carry their app's id and are ignored; one typed by a
     * person in the Page's own inbox carries the Page Inbox's app id, or none (platforms.md §1.4): it is recorded as a
     * caseworker's message, and the conversation is then with a person. The person is the recipient here.
     */
    private InboundEvent echo(JsonNode item, boolean standby) {
        JsonNode message = item.path("message");
        String app = message.path("app_id").asString("");
        if (!app.isBlank() && !PAGE_INBOX_APP_ID.equals(app)) {
            return null;
        }
        ReplyAddress person = sender(item.path("recipient"));
        if (person == null) {
            log.warn("Skipped a Messenger echo without a recipient");
            return null;
        }
        Instant at = timestamp(item.path("timestamp"));
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

    /** Timestamps are epoch milliseconds, but some documented samples carry seconds or a placeholder string. */
    static Instant timestamp(JsonNode node) {
        long value;
        if (node.isNumber()) {
            value = node.asLong();
        } else {
            try {
                value = Long.parseLong(node.asString("").trim());
            } catch (NumberFormatException e) {
                return Instant.now();
            }
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
