package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.AnswerComposer;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.nlu.Intents;

/**
 * The one place where the name of an answer becomes what is sent: its text as staff wrote it, the honest fallback
 * for a follow-up or a repeat that a file does not hold, the services it lists nearest to the person first; and the
 * rule that no block is sent twice in a row.
 */
final class Replies {

    private static final int MAX_BUTTONS = 5;

    private final AnswerBook answers;
    private final AnswerComposer composer;

    Replies(AnswerBook answers, AnswerComposer composer) {
        this.answers = answers;
        this.composer = composer;
    }

    /** The answer {@code key} names, with any services it lists chosen nearest to {@code place} (or null). */
    Action.Reply reply(AnswerKey key, String place) {
        return new Action.Reply(key.intent(), key.variant(), composer.compose(resolve(key), place));
    }

    /**
     * Never the same block twice in a row: an answer the bot gave in its latest turn becomes its short form, which
     * points back to it and offers the next step (a caseworker first, then the buttons the answer had). Crisis answers
     * choose their own short form; the erase question and the clarifying question never come twice in a row.
     */
    List<Action> withoutRepeats(List<Action> actions, LastTurn last) {
        List<Action> fresh = new ArrayList<>(actions.size());
        for (Action action : actions) {
            if (action instanceof Action.Reply reply && reply.intent() != null
                    && last.gave(new AnswerKey(reply.intent(), reply.variant())) && !Intents.isCrisis(reply.intent())
                    && !Intents.DELETE_DATA.equals(reply.intent()) && !AnswerName.CLARIFY.variant().equals(reply.variant())) {
                fresh.add(again(reply));
            } else {
                fresh.add(action);
            }
        }
        return fresh;
    }

    private Action.Reply again(Action.Reply repeated) {
        AnswerKey key = new AnswerKey(repeated.intent(), repeated.variant()).again();
        Answer shorter = resolve(key);
        Map<String, QuickReplyOption> options = new LinkedHashMap<>();
        for (QuickReplyOption option : shorter.quickReplies()) {
            options.putIfAbsent(option.payload(), option);
        }
        for (QuickReplyOption option : repeated.answer().quickReplies()) {
            if (options.size() < MAX_BUTTONS) {
                options.putIfAbsent(option.payload(), option);
            }
        }
        return new Action.Reply(key.intent(), key.variant(),
                new Answer(shorter.text(), List.copyOf(options.values()), shorter.sources()));
    }

    /**
     * What an answer's name reads as: the variant its file holds; for a follow-up the file has no variant for, the
     * system file's honest answer to that question (it says what is not known and offers a caseworker); for an answer
     * given again, the file's {@code again}, else the system file's.
     */
    Answer resolve(AnswerKey key) {
        Optional<Answer> own = answers.find(key.intent(), key.variant());
        if (own.isPresent()) {
            return own.get();
        }
        String aspect = key.aspect();
        if (AnswerKey.AGAIN.equals(aspect)) {
            return answers.find(key.intent(), AnswerKey.AGAIN).orElseGet(() -> get(AnswerName.AGAIN));
        }
        if (aspect != null) {
            return get(AnswerName.followUp(aspect));
        }
        return answers.get(key.intent(), key.variant());
    }

    private Answer get(AnswerName name) {
        return answers.get(name.intent(), name.variant());
    }
}
