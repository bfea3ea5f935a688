package vn.motcua.dialogue;

import java.util.List;
import java.util.Set;

import vn.motcua.message.Channel;
import vn.motcua.message.QuickReplyOption;

/**
 * What the policy sees of a conversation: only what its rules need, built by the turn from the stored conversation.
 *
 * @param channel            where the person writes from (what is left on their side after erasing differs)
 * @param firstContact       nothing was said yet: the bot must say it is an automated assistant (DESIGN §6.2)
 * @param waitingForHuman    the person already waits for a caseworker
 * @param someoneElseAnswers a caseworker owns the conversation, or another app owns the platform's thread: the bot
 *                           sends nothing automatic (DESIGN §5)
 * @param misunderstandings  low-confidence turns in a row so far
 * @param place              the old district the person named earlier, or null
 * @param topic              the intent of the bot's latest answer about a topic (system replies do not count), or null
 * @param heard              the intents understood in the person's earlier messages
 * @param offered            the choices the bot offered last (call buttons aside): a typed title counts as a tap
 * @param topicVariant       which answer of {@code topic} that was ({@code no_contact_where}); {@code default} when
 *                           there is no topic
 * @param said               the answers the bot gave in its latest turn, by label ({@code legal_rights/no_contact},
 *                           {@code system/safe_to_talk}, {@code self_harm}), in order: what it just asked, whether a
 *                           crisis answer was just given, and what would be a repeat
 * @param duty               whether a caseworker is on duty, which decides what an escalation may promise
 */
public record DialogueView(Channel channel, boolean firstContact, boolean waitingForHuman, boolean someoneElseAnswers,
                           int misunderstandings, String place, String topic, Set<String> heard,
                           List<QuickReplyOption> offered, String topicVariant, List<String> said, Duty duty) {

    /** Whether anyone can answer soon: a quick answer is promised only when someone is on duty. */
    public enum Duty {
        /** Within the duty schedule, and a caseworker is signed in. */
        ON_DUTY,
        /** Nobody is on duty, and the person was not told so today. */
        OFF_DUTY,
        /** Nobody is on duty, and the person was already told so in the last 24 hours. */
        OFF_DUTY_TOLD
    }

    public DialogueView {
        heard = heard == null ? Set.of() : Set.copyOf(heard);
        offered = offered == null ? List.of() : List.copyOf(offered);
        topicVariant = topicVariant == null ? AnswerName.DEFAULT : topicVariant;
        said = said == null ? List.of() : List.copyOf(said);
        duty = duty == null ? Duty.ON_DUTY : duty;
    }

    /** A view with a caseworker on duty. */
    public DialogueView(Channel channel, boolean firstContact, boolean waitingForHuman, boolean someoneElseAnswers,
                        int misunderstandings, String place, String topic, Set<String> heard,
                        List<QuickReplyOption> offered, String topicVariant, List<String> said) {
        this(channel, firstContact, waitingForHuman, someoneElseAnswers, misunderstandings, place, topic, heard, offered,
                topicVariant, said, Duty.ON_DUTY);
    }

    /** A view that remembers no answer of the bot's latest turn (the shape before issue 10). */
    public DialogueView(Channel channel, boolean firstContact, boolean waitingForHuman, boolean someoneElseAnswers,
                        int misunderstandings, String place, String topic, Set<String> heard,
                        List<QuickReplyOption> offered, Duty duty) {
        this(channel, firstContact, waitingForHuman, someoneElseAnswers, misunderstandings, place, topic, heard, offered,
                null, null, duty);
    }

    /** A view that remembers no answer of the bot's latest turn, with a caseworker on duty. */
    public DialogueView(Channel channel, boolean firstContact, boolean waitingForHuman, boolean someoneElseAnswers,
                        int misunderstandings, String place, String topic, Set<String> heard,
                        List<QuickReplyOption> offered) {
        this(channel, firstContact, waitingForHuman, someoneElseAnswers, misunderstandings, place, topic, heard, offered,
                null, null, Duty.ON_DUTY);
    }
}
