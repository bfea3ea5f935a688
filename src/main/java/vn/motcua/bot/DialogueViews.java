package vn.motcua.bot;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.dialogue.DialogueView;
import vn.motcua.nlu.Intents;

/** The policy's view of a stored conversation: the dialogue room never sees the conversation itself. */
final class DialogueViews {

    private DialogueViews() {
    }

    /**
     * @param observed  another app owns the platform's thread (Messenger standby): the bot only listens
     * @param duty      whether a caseworker is on duty, and whether the person was told today that nobody is
     * @param returning the conversation was closed by a caseworker and the person writes again
     */
    static DialogueView of(Conversation conversation, boolean observed, DialogueView.Duty duty, boolean returning) {
        List<Turn> turns = conversation.turns();
        Set<String> heard = turns.stream().filter(t -> t.speaker() == Speaker.PERSON).map(Turn::intent)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return new DialogueView(conversation.channel(), conversation.isNew() || returning,
                conversation.state() == ConversationState.WAITING_FOR_HUMAN,
                observed || conversation.state() == ConversationState.WITH_HUMAN,
                conversation.misunderstandings(), conversation.place(), intentOf(topic(turns)), heard,
                conversation.offered(), variantOf(topic(turns)), said(turns), duty);
    }

    /**
     * The label of the bot's latest answer about a topic ({@code legal_rights/no_contact}); system replies and
     * clarifications do not count. A bot turn records its answer as {@code intent} or {@code intent/variant}.
     */
    private static String topic(List<Turn> turns) {
        // The queue line that follows an answer (a crisis, shelter) is not its topic: "có mất tiền không" after
        // "chỗ ở tạm" asks about the shelter. It is the topic only of a turn that said nothing else.
        String queueLine = null;
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn turn = turns.get(i);
            if (turn.speaker() == Speaker.PERSON && queueLine != null) {
                return queueLine;
            }
            if (turn.speaker() == Speaker.BOT && turn.intent() != null && Intents.ALL.contains(intentOf(turn.intent()))) {
                if (!Intents.HUMAN_AGENT.equals(intentOf(turn.intent()))) {
                    return turn.intent();
                }
                queueLine = queueLine == null ? turn.intent() : queueLine;
            }
        }
        return queueLine;
    }

    /** The answers of the bot's latest turn: its messages since the person last wrote, in order. */
    private static List<String> said(List<Turn> turns) {
        int from = turns.size();
        while (from > 0 && turns.get(from - 1).speaker() == Speaker.BOT) {
            from--;
        }
        return turns.subList(from, turns.size()).stream().map(Turn::intent).filter(Objects::nonNull).toList();
    }

    private static String intentOf(String label) {
        return label == null ? null : label.split("/", 2)[0];
    }

    private static String variantOf(String label) {
        return label == null || !label.contains("/") ? null : label.split("/", 2)[1];
    }
}
