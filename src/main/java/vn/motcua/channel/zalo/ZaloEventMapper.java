package vn.motcua.channel.zalo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.RateLimitedLog;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.message.ReplyAddress;

/**
 * Maps one Zalo webhook event (Zalo posts one event per request) to at most one inbound event (platforms.md §2.2).
 * Delivery receipts, echoes of our own sends and events we do not handle are acknowledged and counted, not queued.
 */
final class ZaloEventMapper {

    static final Set<String> ATTACHMENT_EVENTS = Set.of("user_send_image", "user_send_sticker", "user_send_gif",
            "user_send_audio", "user_send_video", "user_send_file", "user_send_link", "user_send_location",
            "user_send_business_card");
    private static final Set<String> STATUS_EVENTS = Set.of("user_received_message", "user_seen_message");
    private static final String OA_SEND = "oa_send_";

    private final ObjectMapper json;
    private final String oaId;
    private final MeterRegistry meters;
    /** Counts {@code motcua.zalo.ignored{reason}}; a line at most once a minute per reason. */
    private final RateLimitedLog ignored;

    ZaloEventMapper(ObjectMapper json, String oaId, MeterRegistry meters) {
        this.json = json;
        this.oaId = oaId == null || oaId.isBlank() ? null : oaId.strip();
        this.meters = meters;
        this.ignored = new RateLimitedLog(ZaloEventMapper.class, meters, "motcua.zalo.ignored", null);
    }

    /**
     * Parses the body without judging it: the signature needs the event's own timestamp, so this runs before the
     * check, and what is wrong with the event is said only to a sender whose signature was valid.
     *
     * @return the JSON tree, or null when the body is not JSON
     */
    JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The parsed body as an event, once its signature was checked. */
    JsonNode event(JsonNode root) {
        if (root == null) {
            throw new MalformedZaloEventException("body is not JSON");
        }
        if (!root.isObject() || root.path("event_name").asString("").isBlank()) {
            throw new MalformedZaloEventException("body has no event_name");
        }
        return root;
    }

    /** The event's timestamp exactly as written in the body (epoch milliseconds, a string in Zalo's docs). */
    static String timestampOf(JsonNode root) {
        JsonNode timestamp = root.path("timestamp");
        return timestamp.isMissingNode() || timestamp.isNull() ? null : timestamp.asString("");
    }

    List<InboundEvent> map(JsonNode root, Instant at) {
        String name = root.path("event_name").asString();
        if (!ourAccount(root, name)) {
            ignored.info("other_oa", "Ignored Zalo events for another Official Account of this app");
            return List.of();
        }
        if (STATUS_EVENTS.contains(name)) {
            meters.counter("motcua.zalo.delivery.status", "event", name).increment();
            return List.of();
        }
        return event(root, name, at).map(List::of).orElseGet(List::of);
    }

    private Optional<InboundEvent> event(JsonNode root, String name, Instant at) {
        if ("user_send_text".equals(name)) {
            return text(root, at);
        }
        if (ATTACHMENT_EVENTS.contains(name)) {
            return person(root.path("sender"), root, name, at, attachment(root, name));
        }
        if ("follow".equals(name)) {
            InboundContent follow = new InboundContent.Follow(root.path("source").asString(""));
            return person(root.path("follower"), root, name, at, follow);
        }
        if ("unfollow".equals(name)) {
            return person(root.path("follower"), root, name, at, new InboundContent.Unfollow());
        }
        if (name.startsWith(OA_SEND)) {
            return echo(root, name, at);
        }
        ignored.info("unknown", "Acknowledged Zalo events of a kind we do not handle");
        return Optional.empty();
    }

    private Optional<InboundEvent> text(JsonNode root, Instant at) {
        String text = root.path("message").path("text").asString("");
        if (text.isBlank()) {
            ignored.count("empty");
            return Optional.empty();
        }
        // A tap on one of our query buttons arrives as its title typed by the person: the conversation remembers the
        // choices it offered and reads the title as that choice, so the mapping stays right after a content reload.
        return person(root.path("sender"), root, "user_send_text", at, new InboundContent.Text(text));
    }

    /** {@code oa_send_*} comes back for every message the OA sends; one with {@code admin_id} was typed by a person. */
    private Optional<InboundEvent> echo(JsonNode root, String name, Instant at) {
        String admin = root.path("sender").path("admin_id").asString("");
        if (admin.isBlank()) {
            ignored.count("own_echo");
            return Optional.empty();
        }
        String text = root.path("message").path("text").asString(null);
        return person(root.path("recipient"), root, name, at, new InboundContent.CaseworkerEcho(text));
    }

    private Optional<InboundEvent> person(JsonNode who, JsonNode root, String name, Instant at,
                                          InboundContent content) {
        String userId = who.path("id").asString("");
        if (userId.isBlank()) {
            ignored.warn("no_user", "Skipped Zalo events without a user id");
            return Optional.empty();
        }
        ReplyAddress from = ReplyAddress.of(Channel.ZALO, userId);
        return Optional.of(new InboundEvent(eventId(root, name, userId, at), from, at, content, false));
    }

    private static InboundContent attachment(JsonNode root, String name) {
        List<String> types = new ArrayList<>();
        root.path("message").path("attachments").forEach(a -> types.add(a.path("type").asString("unknown")));
        if (types.isEmpty()) {
            types.add(name.substring("user_send_".length()));
        }
        return new InboundContent.Attachment(types);
    }

    /** Dedupe on the message id; events without one on what they are, who and when. */
    private static String eventId(JsonNode root, String name, String userId, Instant at) {
        String msgId = root.path("message").path("msg_id").asString("");
        if (!msgId.isBlank()) {
            return "zalo:msg:" + msgId;
        }
        return "zalo:" + name + ":" + userId + ":" + at.toEpochMilli();
    }

    private boolean ourAccount(JsonNode root, String name) {
        if (oaId == null) {
            return true;
        }
        String eventOa;
        if (name.startsWith(OA_SEND)) {
            eventOa = root.path("sender").path("id").asString("");
        } else if (root.has("oa_id")) {
            eventOa = root.path("oa_id").asString("");
        } else {
            eventOa = root.path("recipient").path("id").asString("");
        }
        return eventOa.isBlank() || oaId.equals(eventOa);
    }
}
