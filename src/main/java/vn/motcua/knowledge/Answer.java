package vn.motcua.knowledge;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * One thing the bot can say, as written by staff in {@code intents/<id>.answers.yml}, with its sources.
 *
 * @param services the directory entries to list in it, or null; see {@link AnswerComposer}
 */
public record Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources, ServiceQuery services) {

    /** Where the service list goes when the text has a line of its own for it; otherwise it is appended. */
    public static final String SERVICES_PLACEHOLDER = "{services}";

    public Answer {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources) {
        this(text, quickReplies, sources, null);
    }

    public Answer withQuickReplies(List<QuickReplyOption> options) {
        return new Answer(text, options, sources, services);
    }
}
