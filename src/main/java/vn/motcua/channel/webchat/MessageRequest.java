package vn.motcua.channel.webchat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.message.InboundContent;

/**
 * The body of {@code POST /webchat/messages}: {@code {"session","text"}} for a typed message, or
 * {@code {"session","payload","text"}} for a tap on a quick reply (the text is then the button's title).
 */
record MessageRequest(String session, String text, String payload) {

    /** Payloads are our own short codes ({@code INTENT:…}); anything longer is not one of ours. */
    static final int MAX_PAYLOAD_CHARS = 200;

    static MessageRequest parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw WebChatException.badRequest("invalid_json", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw WebChatException.badRequest("invalid_json",
                    "The body must be a JSON object such as {\"session\": \"…\", \"text\": \"…\"}.");
        }
        String session = string(root, "session");
        if (session == null || session.isBlank()) {
            throw WebChatException.badRequest("session_required",
                    "\"session\" is required: create one with POST /webchat/sessions.");
        }
        return new MessageRequest(session, string(root, "text"), string(root, "payload"));
    }

    /** What the person sent, checked against the limits. */
    InboundContent content(int maxTextChars) {
        String written = text == null ? "" : text.strip();
        if (written.codePointCount(0, written.length()) > maxTextChars) {
            throw WebChatException.badRequest("text_too_long",
                    "\"text\" is longer than " + maxTextChars + " characters.");
        }
        if (payload != null && !payload.isBlank()) {
            if (payload.length() > MAX_PAYLOAD_CHARS) {
                throw WebChatException.badRequest("payload_too_long",
                        "\"payload\" is longer than " + MAX_PAYLOAD_CHARS + " characters.");
            }
            return new InboundContent.QuickReply(payload, written);
        }
        if (written.isEmpty()) {
            throw WebChatException.badRequest("text_empty", "\"text\" is required and must not be empty.");
        }
        return new InboundContent.Text(written);
    }

    private static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw WebChatException.badRequest("invalid_field", "\"" + field + "\" must be a string.");
        }
        return node.asString();
    }

    @Override
    public String toString() {
        return "MessageRequest[hidden]";
    }
}
