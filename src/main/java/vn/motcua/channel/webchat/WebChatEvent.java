package vn.motcua.channel.webchat;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * One message on a session's stream, sent to the browser as the JSON of a server-sent event:
 * {@code {"from":"bot"|"caseworker","text":…,"quickReplies":[{"title","payload"}]}}.
 *
 * @param from "bot" for the automated assistant, "caseworker" for a person answering from the console
 */
public record WebChatEvent(String from, String text, List<QuickReplyOption> quickReplies) {

    static final String BOT = "bot";
    static final String CASEWORKER = "caseworker";

    public WebChatEvent {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    /** Never print the text: logs must not carry what was said. */
    @Override
    public String toString() {
        return "WebChatEvent[from=" + from + ", quickReplies=" + quickReplies.size() + "]";
    }
}
