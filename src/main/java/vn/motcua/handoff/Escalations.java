package vn.motcua.handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.message.Priority;

/**
 * What the bot's turn asks of handoff, inside the conversation's lock: escalate, where the person stands, whether
 * anyone is on duty, a takeover from a platform inbox, a reopening, an erasure. Events are returned, not published:
 * the turn publishes them after it saved, so a console never reads a conversation older than the event.
 */
@Component
public class Escalations {

    /** The conversation after an escalation, and what the consoles must hear once it is saved. */
    public record Escalated(Conversation conversation, List<HandoffEvent> events) {
    }

    private final HandoffQueue queue;
    private final CaseIndex index;
    private final ClaimTimes claims;
    private final CaseworkerPresence presence;
    private final CaseFiles files;
    private final ReferralStore referrals;
    private final AuditLog audit;
    private final HandoffProperties properties;
    private final DutySchedule schedule;
    private final Clock clock;

    public Escalations(HandoffQueue queue, CaseIndex index, ClaimTimes claims, CaseworkerPresence presence,
                       CaseFiles files, ReferralStore referrals, AuditLog audit, HandoffProperties properties,
                       Clock clock) {
        this.queue = queue;
        this.index = index;
        this.claims = claims;
        this.presence = presence;
        this.files = files;
        this.referrals = referrals;
        this.audit = audit;
        this.properties = properties;
        this.schedule = DutySchedule.parse(properties.dutyHours());
        this.clock = clock;
    }

    /**
     * Asks for a person. A waiting conversation goes in the queue (or rises in it); one a person already has stays
     * with them, and a crisis sounds an alert on their console.
     */
    public Mono<Escalated> escalate(Conversation conversation, Priority priority, String reason) {
        var now = clock.instant();
        Conversation next = conversation.escalated(priority, now);
        List<HandoffEvent> events = new ArrayList<>();
        if (next.state() == ConversationState.WITH_HUMAN) {
            if (priority == Priority.CRITICAL) {
                events.add(new HandoffEvent.Alert(next.id(), next.priority(), HandoffEvent.Alert.CRISIS, now));
            }
            if (next.priority() != conversation.priority()) {
                events.add(new HandoffEvent.QueueChanged(next.id()));
            }
            return Mono.just(new Escalated(next, events));
        }
        events.add(new HandoffEvent.QueueChanged(next.id()));
        return queue.escalate(new Escalation(next.id(), next.priority(), reason, next.waitingSince()))
                .then(index.put(new CaseIndex.Entry(next.id(), next.state(), null, next.waitingSince())))
                .thenReturn(new Escalated(next, events));
    }

    /** Where a waiting person stands: place in the queue and the likely wait. */
    public Mono<Standing> standing(String conversationId) {
        var now = clock.instant();
        return queue.waiting().zipWith(claims.recent(properties.recentClaims())).map(both -> {
            List<Escalation> order = QueueOrder.sorted(both.getT1(), now, properties);
            int position = 0;
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).conversationId().equals(conversationId)) {
                    position = i + 1;
                    break;
                }
            }
            return new Standing(position, median(both.getT2()));
        });
    }

    /** True when the duty schedule says so and a caseworker is signed in: only then is a quick answer promised. */
    public Mono<Boolean> onDuty() {
        var now = clock.instant();
        if (!schedule.covers(now.atZone(properties.zone()))) {
            return Mono.just(false);
        }
        return presence.anyoneSince(now.minus(properties.presence()));
    }

    /** Someone answered from the platform's own inbox: a person has the conversation now. */
    public Mono<Escalated> takenOver(Conversation conversation, String owner) {
        Conversation next = conversation.takenOverBy(owner);
        List<HandoffEvent> events = List.of(new HandoffEvent.QueueChanged(next.id()));
        if (conversation.state() == ConversationState.WITH_HUMAN && owner.equals(conversation.assignee())) {
            return Mono.just(new Escalated(next, List.of()));
        }
        return queue.remove(next.id())
                .then(index.put(new CaseIndex.Entry(next.id(), next.state(), next.assignee(), clock.instant())))
                .thenReturn(new Escalated(next, events));
    }

    /** The person wrote again after the conversation was closed: the bot answers again. */
    public Mono<Conversation> reopened(Conversation conversation) {
        Conversation next = conversation.reopened();
        return index.put(new CaseIndex.Entry(next.id(), next.state(), null, clock.instant())).thenReturn(next);
    }

    /** Erasure (DESIGN §6.4): the queue, the case file and the referrals go; the audit log no longer names it. */
    public Mono<Void> forget(String conversationId) {
        return queue.remove(conversationId)
                .then(index.forget(conversationId))
                .then(files.forget(conversationId))
                .then(referrals.forget(conversationId))
                .then(audit.forget(conversationId));
    }

    static Optional<Duration> median(List<Duration> waits) {
        if (waits.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = waits.stream().sorted().toList();
        return Optional.of(sorted.get(sorted.size() / 2));
    }
}
