package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import vn.motcua.message.Priority;

/** What every {@link HandoffQueue} adapter must do: most urgent first, never lowering a priority. */
abstract class HandoffQueueContract {

    abstract HandoffQueue newQueue();

    @Test
    void theMostUrgentConversationComesFirstThenTheLongestWaiting() {
        HandoffQueue queue = newQueue();
        Instant now = Instant.now();
        queue.escalate(new Escalation("normal-old", Priority.NORMAL, "human_agent", now.minusSeconds(600))).block();
        queue.escalate(new Escalation("critical", Priority.CRITICAL, "emergency", now)).block();
        queue.escalate(new Escalation("normal-new", Priority.NORMAL, "human_agent", now)).block();
        queue.escalate(new Escalation("high", Priority.HIGH, "child_abuse", now)).block();

        assertThat(queue.waiting().block()).extracting(Escalation::conversationId)
                .containsExactly("critical", "high", "normal-old", "normal-new");
    }

    @Test
    void aLaterLowerEscalationNeverLowersThePriority() {
        HandoffQueue queue = newQueue();
        String id = UUID.randomUUID().toString();
        queue.escalate(new Escalation(id, Priority.CRITICAL, "self_harm", Instant.now())).block();
        Escalation after = queue.escalate(new Escalation(id, Priority.NORMAL, "human_agent", Instant.now())).block();

        assertThat(after.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(after.reason()).isEqualTo("self_harm");
        assertThat(queue.waiting().block()).hasSize(1);
    }

    @Test
    void aHigherEscalationRaisesThePriorityAndKeepsTheWaitingTime() {
        HandoffQueue queue = newQueue();
        Instant since = Instant.now().minusSeconds(300);
        queue.escalate(new Escalation("c", Priority.NORMAL, "human_agent", since)).block();
        Escalation after = queue.escalate(new Escalation("c", Priority.CRITICAL, "emergency", Instant.now())).block();

        assertThat(after.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(after.since()).isEqualTo(since);
    }

    @Test
    void aRemovedConversationNoLongerWaitsAndOthersStillDo() {
        HandoffQueue queue = newQueue();
        queue.escalate(new Escalation("c", Priority.HIGH, "shelter", Instant.now())).block();
        queue.escalate(new Escalation("other", Priority.NORMAL, "human_agent", Instant.now())).block();
        assertThat(queue.waiting().block()).extracting(Escalation::conversationId).contains("c");

        queue.remove("c").block();
        assertThat(queue.waiting().block()).extracting(Escalation::conversationId).containsExactly("other");
    }

    @Test
    void aWaitingConversationIsFoundAndRemembersWhenItWasLastAlerted() {
        HandoffQueue queue = newQueue();
        String id = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(900);
        queue.escalate(new Escalation(id, Priority.NORMAL, "human_agent", since)).block();
        Instant alerted = Instant.now();

        queue.markAlerted(id, alerted).block();
        Escalation raised = queue.escalate(new Escalation(id, Priority.HIGH, "shelter", Instant.now())).block();

        assertThat(queue.find(id).block().alertedAt()).isEqualTo(alerted);
        assertThat(raised.alertedAt()).as("raising keeps the alert time").isEqualTo(alerted);
        queue.remove(id).block();
        assertThat(queue.find(id).blockOptional()).isEmpty();
        queue.markAlerted(id, alerted).block();
        assertThat(queue.find(id).blockOptional()).as("no entry is made for a conversation not waiting").isEmpty();
    }
}
