package vn.motcua.dialogue;

import java.util.List;

/**
 * The policy's verdict on one turn.
 *
 * @param understood        the intent the bot acted on, or null when it asked for clarification
 * @param misunderstandings low-confidence turns in a row after this one
 */
public record Decision(String understood, List<Action> actions, int misunderstandings) {
}
