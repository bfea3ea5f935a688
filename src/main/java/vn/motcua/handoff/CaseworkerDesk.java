package vn.motcua.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.IllegalTransitionException;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.outbox.Outbox;

/**
 * Everything a caseworker does with a conversation: see the queue and the transcript, claim, reply on the person's own
 * channel, write notes and referrals, give the conversation back to the bot or close it. Every change runs under the
 * conversation's lock, goes to the audit log (who, what, when; never text) and is announced to the consoles.
 */
@Component
public class CaseworkerDesk {

    static final Set<ConversationState> DEFAULT_STATES = EnumSet.of(ConversationState.WAITING_FOR_HUMAN,
            ConversationState.WITH_HUMAN);

    private final ConversationStore conversations;
    private final ConversationLock lock;
    private final HandoffQueue queue;
    private final CaseIndex index;
    private final CaseFiles files;
    private final ReferralStore referrals;
    private final AuditLog audit;
    private final ClaimTimes claims;
    private final HandoffEvents events;
    private final PersonalData personal;
    private final BotLines botLines;
    private final Outbox outbox;
    private final ReplyWindows windows;
    private final HandoffProperties properties;
    private final Clock clock;
    private final Timer timeToClaim;
    private final MeterRegistry meters;
    private final ConversationErasure erasure;

    public CaseworkerDesk(ConversationStore conversations, ConversationLock lock, HandoffQueue queue, CaseIndex index,
                          CaseFiles files, ReferralStore referrals, AuditLog audit, ClaimTimes claims,
                          HandoffEvents events, PersonalData personal, BotLines botLines, Outbox outbox,
                          ReplyWindows windows, HandoffProperties properties, Clock clock, MeterRegistry meters,
                          ConversationErasure erasure) {
        this.erasure = erasure;
        this.conversations = conversations;
        this.lock = lock;
        this.queue = queue;
        this.index = index;
        this.files = files;
        this.referrals = referrals;
        this.audit = audit;
        this.claims = claims;
        this.events = events;
        this.personal = personal;
        this.botLines = botLines;
        this.outbox = outbox;
        this.windows = windows;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.timeToClaim = Timer.builder("motcua.handoff.time_to_claim")
                .description("How long people waited until a caseworker claimed their conversation")
                .publishPercentileHistogram()
                .register(meters);
    }

    // ---- reading ----

    /**
     * The conversations in these states (the waiting and those with a person when empty), most urgent first: the
     * waiting in queue order, then the others, the longest waiting for an answer first.
     */
    public Mono<List<QueueItem>> list(Set<ConversationState> states) {
        Set<ConversationState> wanted = states == null || states.isEmpty() ? DEFAULT_STATES : states;
        Instant now = clock.instant();
        Mono<List<QueueItem>> waiting = !wanted.contains(ConversationState.WAITING_FOR_HUMAN) ? Mono.just(List.of())
                : queue.waiting().flatMapMany(list -> Flux.fromIterable(QueueOrder.sorted(list, now, properties)))
                .concatMap(e -> conversations.find(e.conversationId()).map(c -> item(c, e, now)))
                .filter(item -> item.state() == ConversationState.WAITING_FOR_HUMAN)
                .collectList();
        Set<ConversationState> others = EnumSet.copyOf(wanted);
        others.remove(ConversationState.WAITING_FOR_HUMAN);
        Mono<List<QueueItem>> rest = others.isEmpty() ? Mono.just(List.of())
                : index.inStates(others).flatMapMany(Flux::fromIterable)
                .concatMap(entry -> conversations.find(entry.conversationId()))
                .filter(c -> others.contains(c.state()))
                .map(c -> item(c, null, now))
                .sort(Comparator.comparing((QueueItem i) -> i.state() != ConversationState.WITH_HUMAN)
                        .thenComparing(Comparator.comparingLong(QueueItem::waitingSeconds).reversed()))
                .collectList();
        return waiting.zipWith(rest, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }

    /** One conversation's summary; empty when it does not exist (any more). */
    public Mono<QueueItem> summary(String conversationId) {
        Instant now = clock.instant();
        return conversations.find(conversationId).flatMap(c -> queue.find(conversationId)
                .map(e -> item(c, e, now)).defaultIfEmpty(item(c, null, now)));
    }

    /** The summary with notes, referrals, safe contact and outcome. */
    public Mono<CaseView> view(String conversationId) {
        return existing(summary(conversationId)).flatMap(summary -> Mono.zip(files.notes(conversationId),
                referrals.of(conversationId), files.safeContact(conversationId).map(Optional::of)
                        .defaultIfEmpty(Optional.empty()),
                files.closure(conversationId).map(Optional::of).defaultIfEmpty(Optional.empty())).map(t ->
                new CaseView(summary,
                        t.getT1().stream().map(this::open).toList(),
                        t.getT2().stream().map(this::open).toList(),
                        t.getT3().map(s -> new CaseView.SafeContactView(personal.open(s.sealedWhen()), s.callAllowed(),
                                s.by(), s.at())).orElse(null),
                        t.getT4().map(c -> personal.open(c.sealedOutcome())).orElse(null))));
    }

    /** The transcript, oldest first; reading it is audited. */
    public Mono<List<TranscriptLine>> transcript(String conversationId, String caseworker) {
        return existing(conversations.find(conversationId))
                .flatMap(c -> record(caseworker, AuditEntry.Action.VIEW_TRANSCRIPT, c.id(), null)
                        .thenReturn(c.turns().stream().map(this::line).toList()));
    }

    /**
     * One message of the transcript, for a live update; empty when it is gone, and for a conversation the bot alone
     * has handled (never escalated nor taken over): the consoles are not sent every conversation the bot has.
     */
    public Mono<TranscriptLine> line(String conversationId, String turnId) {
        return conversations.find(conversationId)
                .filterWhen(c -> c.state() != ConversationState.BOT ? Mono.just(true)
                        : index.find(c.id()).hasElement())
                .flatMap(c -> Mono.justOrEmpty(c.turn(turnId))).map(this::line);
    }

    public Mono<List<AuditEntry>> audit(String conversationId) {
        return audit.of(conversationId);
    }

    // ---- changing ----

    /**
     * Takes the conversation. Atomic under its lock: of two caseworkers claiming at once, one gets it and the other is
     * told who has it. Claiming again what one holds is fine; a conversation held in a platform inbox can be taken
     * over into the console.
     */
    public Mono<QueueItem> claim(String conversationId, String caseworker) {
        return change(conversationId, c -> {
            if (c.state() == ConversationState.WITH_HUMAN) {
                if (caseworker.equals(c.assignee())) {
                    return Mono.just(c);
                }
                if (!isPlatformInbox(c.assignee())) {
                    return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.CLAIMED,
                            c.assignee() + " đang hỗ trợ cuộc trò chuyện này.", c.assignee()));
                }
            }
            Conversation next = c.claimedBy(caseworker);
            Instant now = clock.instant();
            Mono<Void> measured = Mono.empty();
            if (c.waitingSince() != null) {
                Duration waited = Duration.between(c.waitingSince(), now);
                timeToClaim.record(waited);
                measured = claims.record(waited);
            }
            return conversations.save(next)
                    .then(queue.remove(c.id()))
                    .then(index.put(new CaseIndex.Entry(c.id(), next.state(), caseworker, now)))
                    .then(measured)
                    .then(record(caseworker, AuditEntry.Action.CLAIM, c.id(), null))
                    .thenReturn(next);
        }).flatMap(this::announced);
    }

    /**
     * Sends a reply on the person's own channel, as a caseworker's message ({@link Purpose#HUMAN_AGENT}); recorded on
     * the transcript as pending until the platform answers. Refused while the platform's window is closed.
     */
    public Mono<TranscriptLine> reply(String conversationId, String caseworker, String text) {
        if (text == null || text.isBlank()) {
            return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.INVALID, "Tin nhắn trống."));
        }
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId)).flatMap(c -> {
            requireHolder(c, caseworker);
            Instant now = clock.instant();
            ReplyWindow window = windows.at(c.channel(), c.lastHeardAt(), now);
            if (!window.open()) {
                meters.counter("motcua.handoff.replies_refused", "channel", c.channel().id(), "reason", "window_closed")
                        .increment();
                return record(caseworker, AuditEntry.Action.REPLY_REFUSED, c.id(), "window_closed")
                        .then(Mono.error(new HandoffRefusal(HandoffRefusal.Kind.WINDOW_CLOSED, window.note())));
            }
            String messageId = UUID.randomUUID().toString();
            OutboundMessage message = new OutboundMessage(messageId, c.id(), personal.openAddress(c.sealedAddress()),
                    Purpose.HUMAN_AGENT, false, text, List.of());
            Turn turn = Turn.fromCaseworker(caseworker, personal.seal(text), now, messageId);
            return conversations.save(c.withTurn(turn))
                    .then(outbox.enqueue(List.of(message)))
                    .then(record(caseworker, AuditEntry.Action.REPLY, c.id(), null))
                    .thenReturn(turn);
        })).flatMap(turn -> events.publish(new HandoffEvent.MessageChanged(conversationId, turn.messageId()))
                .thenReturn(line(turn)));
    }

    /** An internal note; the person never sees it. Any caseworker may add one. */
    public Mono<CaseView.NoteView> note(String conversationId, String caseworker, String text) {
        if (text == null || text.isBlank()) {
            return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.INVALID, "Ghi chú trống."));
        }
        Note note = new Note(UUID.randomUUID().toString(), conversationId, caseworker, personal.seal(text),
                clock.instant());
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId))
                .flatMap(c -> files.addNote(note))
                .then(record(caseworker, AuditEntry.Action.NOTE, conversationId, note.id())))
                .thenReturn(open(note));
    }

    /** When it is safe to write to the person, and whether they allow a call. */
    public Mono<CaseView.SafeContactView> safeContact(String conversationId, String caseworker, String when,
                                                      boolean callAllowed) {
        SafeContact contact = new SafeContact(conversationId, personal.seal(when == null ? "" : when), callAllowed,
                caseworker, clock.instant());
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId))
                .flatMap(c -> files.putSafeContact(contact))
                .then(record(caseworker, AuditEntry.Action.SAFE_CONTACT, conversationId, null)))
                .thenReturn(new CaseView.SafeContactView(when, callAllowed, caseworker, contact.at()));
    }

    /**
     * Proposes a referral to a directory entry. The caller checks that {@code serviceId} is in the directory (the
     * handoff room does not read it).
     */
    public Mono<CaseView.ReferralView> refer(String conversationId, String caseworker, String serviceId, String note) {
        Referral referral = Referral.proposed(UUID.randomUUID().toString(), conversationId, serviceId,
                personal.seal(note), caseworker, clock.instant());
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId))
                .flatMap(c -> referrals.save(referral))
                .then(record(caseworker, AuditEntry.Action.REFERRAL_PROPOSED, conversationId,
                        "referral " + referral.id() + " to " + serviceId + ": PROPOSED")))
                .then(events.publish(new HandoffEvent.QueueChanged(conversationId)))
                .thenReturn(open(referral));
    }

    /** Moves a referral on: agreed by the person, made, completed or declined. Any caseworker may follow one up. */
    public Mono<CaseView.ReferralView> updateReferral(String referralId, String caseworker, ReferralStatus status,
                                                      String note) {
        return existing(referrals.find(referralId)).flatMap(found -> lock.withLock(found.conversationId(), () ->
                existing(referrals.find(referralId)).flatMap(r -> {
                    if (status == null || !r.status().canMoveTo(status)) {
                        return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.INVALID_TRANSITION,
                                "Không thể chuyển giới thiệu từ " + r.status() + " sang " + status + "."));
                    }
                    Referral next = r.movedTo(status, caseworker, clock.instant(),
                            note == null ? null : personal.seal(note));
                    return referrals.save(next)
                            .then(record(caseworker, AuditEntry.Action.REFERRAL_UPDATED, r.conversationId(),
                                    "referral " + r.id() + ": " + r.status() + " → " + status))
                            .thenReturn(next);
                }))).map(this::open);
    }

    /** Gives the conversation back to the bot, which says again that it is an automated assistant (DESIGN §6.2). */
    public Mono<QueueItem> release(String conversationId, String caseworker) {
        return change(conversationId, c -> {
            requireHolderOrInbox(c, caseworker);
            Conversation next = c.released();
            BotLines.Line line = botLines.backWithBot();
            String messageId = UUID.randomUUID().toString();
            OutboundMessage message = new OutboundMessage(messageId, c.id(), personal.openAddress(c.sealedAddress()),
                    Purpose.RESPONSE, false, line.text(), line.quickReplies());
            Conversation said = next.withTurn(Turn.outgoing(Speaker.BOT, personal.seal(line.text()), line.intent(),
                    clock.instant(), messageId));
            return conversations.save(said)
                    .then(outbox.enqueue(List.of(message)))
                    .then(index.put(new CaseIndex.Entry(c.id(), said.state(), null, clock.instant())))
                    .then(record(caseworker, AuditEntry.Action.RELEASE, c.id(), null))
                    .then(events.publish(new HandoffEvent.MessageChanged(c.id(), messageId)))
                    .thenReturn(said);
        }).flatMap(this::announced);
    }

    /** Closes the conversation with an outcome and the referrals it ended with. */
    public Mono<QueueItem> close(String conversationId, String caseworker, String outcome, List<String> referralIds) {
        List<String> ids = referralIds == null ? List.of() : referralIds.stream().filter(Objects::nonNull).toList();
        return change(conversationId, c -> {
            requireHolderOrInbox(c, caseworker);
            Conversation next = c.closed();
            Instant now = clock.instant();
            return referrals.of(c.id()).flatMap(known -> {
                Set<String> mine = known.stream().map(Referral::id).collect(java.util.stream.Collectors.toSet());
                if (!mine.containsAll(ids)) {
                    return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.INVALID,
                            "Có giới thiệu không thuộc cuộc trò chuyện này."));
                }
                return conversations.save(next)
                        .then(files.putClosure(new Closure(c.id(), personal.seal(outcome == null ? "" : outcome), ids,
                                caseworker, now)))
                        .then(index.put(new CaseIndex.Entry(c.id(), next.state(), caseworker, now)))
                        .then(record(caseworker, AuditEntry.Action.CLOSE, c.id(), ids.size() + " referrals"))
                        .thenReturn(next);
            });
        }).flatMap(this::announced);
    }

    /**
     * Erases everything about the person, in every store, at the request of the person (by phone, in person) or of
     * a caseworker who judges it safer. Any caseworker may do it, whoever holds the conversation. The audit log
     * records who erased something and when, but not what: the entry names no conversation.
     */
    public Mono<Void> erase(String conversationId, String caseworker) {
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId))
                .flatMap(c -> erasure.erase(c.id()))
                .then(record(caseworker, AuditEntry.Action.ERASE, null, null)));
    }

    // ---- inside ----

    /** Runs a change of the conversation under its lock; a move its state does not allow is refused. */
    private Mono<Conversation> change(String conversationId, Function<Conversation, Mono<Conversation>> work) {
        return lock.withLock(conversationId, () -> existing(conversations.find(conversationId))
                .flatMap(c -> Mono.defer(() -> work.apply(c))))
                .onErrorMap(IllegalTransitionException.class, e -> new HandoffRefusal(
                        HandoffRefusal.Kind.INVALID_TRANSITION, refusal(e)));
    }

    private Mono<QueueItem> announced(Conversation c) {
        return events.publish(new HandoffEvent.QueueChanged(c.id())).thenReturn(item(c, null, clock.instant()));
    }

    private static String refusal(IllegalTransitionException e) {
        return switch (e.from()) {
            case BOT -> "Cuộc trò chuyện đang do trợ lý tự động trả lời.";
            case WAITING_FOR_HUMAN -> "Cuộc trò chuyện đang chờ: hãy nhận nó trước.";
            case WITH_HUMAN -> "Cuộc trò chuyện đang có người hỗ trợ.";
            case CLOSED -> "Cuộc trò chuyện đã đóng.";
        };
    }

    private static void requireHolder(Conversation c, String caseworker) {
        if (c.state() != ConversationState.WITH_HUMAN || !caseworker.equals(c.assignee())) {
            throw new HandoffRefusal(HandoffRefusal.Kind.NOT_ASSIGNED,
                    "Bạn cần nhận cuộc trò chuyện này trước khi trả lời.", c.assignee());
        }
    }

    private static void requireHolderOrInbox(Conversation c, String caseworker) {
        if (c.state() == ConversationState.WITH_HUMAN && !caseworker.equals(c.assignee())
                && !isPlatformInbox(c.assignee())) {
            throw new HandoffRefusal(HandoffRefusal.Kind.NOT_ASSIGNED,
                    c.assignee() + " đang hỗ trợ cuộc trò chuyện này.", c.assignee());
        }
    }

    static boolean isPlatformInbox(String assignee) {
        return Conversation.MESSENGER_INBOX.equals(assignee) || Conversation.ZALO_INBOX.equals(assignee);
    }

    private static <T> Mono<T> existing(Mono<T> found) {
        return found.switchIfEmpty(Mono.error(() -> new HandoffRefusal(HandoffRefusal.Kind.NOT_FOUND,
                "Không tìm thấy (có thể người này đã xóa cuộc trò chuyện).")));
    }

    private Mono<Void> record(String caseworker, AuditEntry.Action action, String conversationId, String detail) {
        return audit.record(new AuditEntry(clock.instant(), caseworker, action, conversationId, detail));
    }

    QueueItem item(Conversation c, Escalation escalation, Instant now) {
        long waiting = 0;
        boolean overdue = false;
        if (c.state() == ConversationState.WAITING_FOR_HUMAN && c.waitingSince() != null) {
            waiting = Duration.between(c.waitingSince(), now).toSeconds();
            overdue = escalation != null && QueueOrder.overdue(escalation, now, properties);
        } else if (c.state() == ConversationState.WITH_HUMAN) {
            waiting = unanswered(c, now);
        }
        return new QueueItem(c.id(), c.channel(), c.state(), c.priority(), Math.max(0, waiting), lastIntent(c),
                c.assignee(), overdue, windows.at(c.channel(), c.lastHeardAt(), now));
    }

    /** Seconds since the person's last message when nobody answered it yet. */
    private static long unanswered(Conversation c, Instant now) {
        List<Turn> turns = c.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.speaker() == Speaker.CASEWORKER) {
                return 0;
            }
            if (t.speaker() == Speaker.PERSON) {
                return Duration.between(t.at(), now).toSeconds();
            }
        }
        return 0;
    }

    private static String lastIntent(Conversation c) {
        List<Turn> turns = c.turns();
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).speaker() == Speaker.PERSON && turns.get(i).intent() != null) {
                return turns.get(i).intent();
            }
        }
        return null;
    }

    private TranscriptLine line(Turn t) {
        return new TranscriptLine(t.messageId(), t.speaker(), personal.open(t.sealedText()), t.at(), t.intent(),
                t.speaker() == Speaker.PERSON ? null : t.delivery(), t.failure(), t.author());
    }

    private CaseView.NoteView open(Note note) {
        return new CaseView.NoteView(note.id(), note.author(), personal.open(note.sealedText()), note.at());
    }

    private CaseView.ReferralView open(Referral r) {
        return new CaseView.ReferralView(r.id(), r.conversationId(), r.serviceId(), r.status(),
                personal.open(r.sealedNote()), r.history());
    }
}
