package vn.motcua.knowledge;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * One thing the bot can say, as written by staff in {@code intents/<id>.answers.yml}, with its sources.
 *
 * @param services    the directory entries to list in it, or null; see {@link AnswerComposer}
 * @param english     the answer is written in English (its variant's name ends in {@code _en}): the service list it
 *                    carries is written in English too
 * @param englishTwin the same answer in English (variant {@code <name>_en} of the same file), composed with it; null
 *                    when staff wrote none
 */
public record Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources, ServiceQuery services,
                     boolean english, Answer englishTwin) {

    /** Where the service list goes when the text has a line of its own for it; otherwise it is appended. */
    public static final String SERVICES_PLACEHOLDER = "{services}";

    public Answer {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A Vietnamese answer with no English twin. */
    public Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources, ServiceQuery services) {
        this(text, quickReplies, sources, services, false, null);
    }

    public Answer(String text, List<QuickReplyOption> quickReplies, List<String> sources) {
        this(text, quickReplies, sources, null);
    }

    public Answer withQuickReplies(List<QuickReplyOption> options) {
        return new Answer(text, options, sources, services, english, englishTwin);
    }

    Answer withEnglishTwin(Answer twin) {
        return new Answer(text, quickReplies, sources, services, english, twin);
    }
}
