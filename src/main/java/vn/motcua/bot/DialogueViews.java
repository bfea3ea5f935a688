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
                conversation.misunderstandings(), conversation.place(), topic(turns), heard, conversation.offered(),
                duty);
    }

    /** The intent of the bot's latest answer about a topic; system replies and clarifications do not count. */
    private static String topic(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn turn = turns.get(i);
            if (turn.speaker() == Speaker.BOT && turn.intent() != null && Intents.ALL.contains(turn.intent())) {
                return turn.intent();
            }
        }
        return null;
    }
}
