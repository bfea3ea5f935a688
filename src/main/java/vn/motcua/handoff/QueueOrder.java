package vn.motcua.handoff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import vn.motcua.message.Priority;

/**
 * The order caseworkers see and people are told: by priority, then the longest waiting. A conversation past its alert
 * time rises: within its priority it comes first, and an overdue NORMAL one joins the HIGH ones (a CRITICAL one is
 * always first, whatever waits).
 */
final class QueueOrder {

    private QueueOrder() {
    }

    static boolean overdue(Escalation e, Instant now, HandoffProperties properties) {
        return !e.since().plus(properties.alertAfter(e.priority())).isAfter(now);
    }

    static List<Escalation> sorted(List<Escalation> waiting, Instant now, HandoffProperties properties) {
        Comparator<Escalation> order = Comparator
                .comparingInt((Escalation e) -> rank(e, now, properties)).reversed()
                .thenComparing(e -> !overdue(e, now, properties))
                .thenComparing(Escalation::since);
        return waiting.stream().sorted(order).toList();
    }

    private static int rank(Escalation e, Instant now, HandoffProperties properties) {
        int rank = e.priority().ordinal();
        return e.priority() == Priority.NORMAL && overdue(e, now, properties) ? Priority.HIGH.ordinal() : rank;
    }
}
