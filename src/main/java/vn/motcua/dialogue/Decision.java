package vn.motcua.dialogue;

import java.util.List;

/**
 * The policy's verdict on one turn.
 *
 * @param understood        the intent the bot acted on, or null when it asked for clarification
 * @param misunderstandings low-confidence turns in a row after this one
 * @param place             the old district the person named in this turn, to remember; null when none
 */
public record Decision(String understood, List<Action> actions, int misunderstandings, String place) {

    public Decision(String understood, List<Action> actions, int misunderstandings) {
        this(understood, actions, misunderstandings, null);
    }
}
