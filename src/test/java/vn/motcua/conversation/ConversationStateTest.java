package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.message.Priority;

/** DESIGN §5's state machine: every allowed move, and every move that is not, checked one by one. */
class ConversationStateTest {

    private static final ConversationState BOT = ConversationState.BOT;
    private static final ConversationState WAITING = ConversationState.WAITING_FOR_HUMAN;
    private static final ConversationState WITH_HUMAN = ConversationState.WITH_HUMAN;
    private static final ConversationState CLOSED = ConversationState.CLOSED;

    /** The whole table: for each transition, where it leads from each state; absent = forbidden. */
    private static final Map<Transition, Map<ConversationState, ConversationState>> ALLOWED = new EnumMap<>(Map.of(
            Transition.ESCALATE, Map.of(BOT, WAITING, WAITING, WAITING, WITH_HUMAN, WITH_HUMAN),
            Transition.CLAIM, Map.of(BOT, WITH_HUMAN, WAITING, WITH_HUMAN, WITH_HUMAN, WITH_HUMAN),
            Transition.PLATFORM_TAKEOVER, Map.of(BOT, WITH_HUMAN, WAITING, WITH_HUMAN, WITH_HUMAN, WITH_HUMAN,
                    CLOSED, WITH_HUMAN),
            Transition.RELEASE, Map.of(WITH_HUMAN, BOT),
            Transition.CLOSE, Map.of(WITH_HUMAN, CLOSED),
            Transition.REOPEN, Map.of(CLOSED, BOT)));

    @Test
    void everyTransitionFromEveryStateIsAllowedOrRefusedAsTheTableSays() {
        int allowed = 0;
        int forbidden = 0;
        for (Transition transition : Transition.values()) {
            for (ConversationState from : ConversationState.values()) {
                ConversationState expected = ALLOWED.get(transition).get(from);
                Optional<ConversationState> actual = from.after(transition);
                if (expected == null) {
                    forbidden++;
                    assertThat(actual).as("%s from %s", transition, from).isEmpty();
                    assertThatThrownBy(() -> from.require(transition)).as("%s from %s", transition, from)
                            .isInstanceOf(IllegalTransitionException.class);
                } else {
                    allowed++;
                    assertThat(actual).as("%s from %s", transition, from).contains(expected);
                }
            }
        }
        assertThat(allowed).isEqualTo(13);
        assertThat(forbidden).isEqualTo(11);
    }

    @Test
    void theConversationFollowsTheMachineThroughAWholeCase() {
        Instant now = Instant.now();
        Conversation c = Conversation.start("c", Channel.WEBCHAT, null, now);

        Conversation waiting = c.escalated(Priority.NORMAL, now);
        assertThat(waiting.state()).isEqualTo(WAITING);
        assertThat(waiting.waitingSince()).isEqualTo(now);

        Conversation raised = waiting.escalated(Priority.CRITICAL, now.plusSeconds(60));
        assertThat(raised.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(raised.waitingSince()).as("raising keeps the place in the queue").isEqualTo(now);

        Conversation claimed = raised.claimedBy("lan");
        assertThat(claimed.state()).isEqualTo(WITH_HUMAN);
        assertThat(claimed.assignee()).isEqualTo("lan");
        assertThat(claimed.waitingSince()).isNull();

        Conversation crisisWhileWithHuman = claimed.escalated(Priority.CRITICAL, now);
        assertThat(crisisWhileWithHuman.state()).as("a crisis does not take it from the caseworker")
                .isEqualTo(WITH_HUMAN);
        assertThat(crisisWhileWithHuman.assignee()).isEqualTo("lan");

        Conversation closed = claimed.closed();
        assertThat(closed.state()).isEqualTo(CLOSED);
        assertThatThrownBy(() -> closed.escalated(Priority.HIGH, now)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(closed::released).isInstanceOf(IllegalTransitionException.class);

        Conversation back = closed.reopened();
        assertThat(back.state()).isEqualTo(BOT);
        assertThat(back.priority()).as("a later escalation starts afresh").isNull();
        assertThat(back.assignee()).isNull();
    }

    @Test
    void aPlatformInboxTakesAConversationButACaseworkerWhoHoldsItKeepsIt() {
        Conversation c = Conversation.start("c", Channel.ZALO, null, Instant.now());
        assertThat(c.takenOverBy(Conversation.ZALO_INBOX).assignee()).isEqualTo(Conversation.ZALO_INBOX);
        assertThat(c.claimedBy("minh").takenOverBy(Conversation.ZALO_INBOX).assignee()).isEqualTo("minh");
    }

    @Test
    void releasingGivesItBackToTheBotAndNothingElseDoes() {
        Conversation c = Conversation.start("c", Channel.MESSENGER, null, Instant.now());
        assertThatThrownBy(c::released).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(c::closed).isInstanceOf(IllegalTransitionException.class);
        Conversation released = c.escalated(Priority.HIGH, Instant.now()).claimedBy("lan").released();
        assertThat(released.state()).isEqualTo(BOT);
        assertThat(released.priority()).isNull();
    }
}
