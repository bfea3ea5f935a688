package vn.motcua.channel.webchat;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * One message on a session's stream, sent to the browser as the JSON of a server-sent event:
 * {@code {"from":"bot"|"caseworker","text":…,"quickReplies":[{"title","payload","dials"}]}}.
 *
 * @param from "bot" for the automated assistant, "caseworker" for a person answering from the console
 */
public record WebChatEvent(String from, String text, List<Button> quickReplies) {

    static final String BOT = "bot";
    static final String CASEWORKER = "caseworker";

    public WebChatEvent {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    /**
     * A button under the message. {@code dials}: a call button, which the page shows as a link to its {@code tel:}
     * payload, so a phone dials the number instead of sending a message.
     */
    public record Button(String title, String payload, boolean dials) {

        /** The call-button rule on the web chat: a {@link QuickReplyOption#dials() call button} is a tel: link. */
        static Button of(QuickReplyOption option) {
            return new Button(option.title(), option.payload(), option.dials());
        }
    }

    /** Never print the text: logs must not carry what was said. */
    @Override
    public String toString() {
        return "WebChatEvent[from=" + from + ", quickReplies=" + quickReplies.size() + "]";
    }
}
