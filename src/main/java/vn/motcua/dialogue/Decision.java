package vn.motcua.dialogue;

import java.util.List;

import vn.motcua.message.QuickReplyOption;

/**
 * The policy's verdict on one turn: what to do, and what the conversation remembers afterwards.
 *
 * @param understood        the intent the bot acted on, or null when it asked for clarification or only listened
 * @param actions           carried out in order
 * @param misunderstandings low-confidence turns in a row after this one
 * @param place             the old district to remember: the one named in this turn, else the one named before; null
 *                          when none was
 * @param offered           the choices to remember as offered last: those of this turn's replies, or, when it sends
 *                          none, those offered before
 * @param recorded          false when nothing of the event may be stored: an unfollow is not something the person
 *                          said, and leaves nothing new about them
 */
public record Decision(String understood, List<Action> actions, int misunderstandings, String place,
                       List<QuickReplyOption> offered, boolean recorded) {

    public Decision {
        actions = List.copyOf(actions);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }
}
