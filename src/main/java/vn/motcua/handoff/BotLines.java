package vn.motcua.handoff;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * What the bot says when a caseworker gives the conversation back to it: that it is an automated assistant again
 * (DESIGN §6.2). Implemented by the bot room from the answer files, where every answer text lives.
 */
public interface BotLines {

    /** The answer, and its name for the transcript. */
    record Line(String intent, String text, List<QuickReplyOption> quickReplies) {

        public Line {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        }
    }

    Line backWithBot();
}
