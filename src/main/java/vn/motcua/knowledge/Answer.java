package vn.motcua.knowledge;

import java.util.List;

import vn.motcua.channel.QuickReplyOption;

/** One thing the bot can say, as written by staff in {@code intents/<id>.answers.yml}, with its sources. */
public record Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources) {

    public Answer {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public Answer withQuickReplies(List<QuickReplyOption> options) {
        return new Answer(text, options, sources);
    }
}
