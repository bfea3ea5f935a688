package vn.motcua.channel;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.QuickReplyOption;

/** One platform request's share of an {@link OutboundMessage} that is longer than the platform accepts. */
public record OutboundPart(String text, List<QuickReplyOption> quickReplies) {

    /** Splits at sentence or line boundaries; the choices go under the last part, which the person reads last. */
    public static List<OutboundPart> split(OutboundMessage message, int maxChars) {
        List<String> texts = TextSplitter.split(message.text(), maxChars);
        List<OutboundPart> parts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            parts.add(new OutboundPart(texts.get(i), last ? message.quickReplies() : List.of()));
        }
        return parts;
    }
}
