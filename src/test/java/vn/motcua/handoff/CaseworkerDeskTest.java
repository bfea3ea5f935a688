package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.Speaker;
import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.message.Purpose;

/** What a caseworker can and cannot do with a conversation, as they would notice it. */
class CaseworkerDeskTest {

    private final DeskFixture on = new DeskFixture(HandoffProperties.defaults().withMessengerHumanAgent(true));
    private final DeskFixture off = new DeskFixture(HandoffProperties.defaults());

    @Test
    void ofTwoCaseworkersClaimingAtOnceExactlyOneGetsItAndTheOtherIsToldWho() {
        for (int round = 0; round < 20; round++) {
            String id = "c" + round;
            on.waiting(id, Channel.WEBCHAT, Priority.HIGH);
            List<String> won = new CopyOnWriteArrayList<>();
            List<HandoffRefusal> refused = new CopyOnWriteArrayList<>();
            Mono<Void> lan = claim(id, "lan", won, refused);
            Mono<Void> minh = claim(id, "minh", won, refused);
            Mono.when(lan, minh).block(Duration.ofSeconds(10));

            assertThat(won).hasSize(1);
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.CLAIMED);
                assertThat(r.assignee()).isEqualTo(won.get(0));
                assertThat(r.getMessage()).isEqualTo(won.get(0) + " đang hỗ trợ cuộc trò chuyện này.");
            });
            assertThat(on.stored(id).state()).isEqualTo(ConversationState.WITH_HUMAN);
            assertThat(on.stored(id).assignee()).isEqualTo(won.get(0));
        }
    }

    private Mono<Void> claim(String id, String who, List<String> won, List<HandoffRefusal> refused) {
        return on.desk.claim(id, who).subscribeOn(Schedulers.parallel())
                .doOnNext(item -> won.add(item.assignee()))
                .onErrorResume(HandoffRefusal.class, e -> {
                    refused.add(e);
                    return Mono.empty();
                }).then();
    }

    @Test
    void aMessengerReply30HoursAfterThePersonsLastMessageGoesWithTheHumanAgentTagWhenThePageMayUseIt() {
        on.waiting("m", Channel.MESSENGER, Priority.NORMAL);
        on.desk.claim("m", "lan").block();
        on.clock.advance(Duration.ofHours(30));

        assertThat(on.desk.summary("m").block().replyWindow()).satisfies(w -> {
            assertThat(w.open()).isTrue();
            assertThat(w.tag()).isEqualTo("HUMAN_AGENT");
        });
        on.desk.reply("m", "lan", "Chị vẫn ở đây.").block();

        assertThat(on.sent).singleElement().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo(Purpose.HUMAN_AGENT);
            assertThat(m.text()).isEqualTo("Chị vẫn ở đây.");
            assertThat(m.to().userId()).isEqualTo("user-m");
        });
    }

    @Test
    void withoutThatPermissionAMessengerReplyAfter24HoursIsRefusedWithAClearReason() {
        off.waiting("m", Channel.MESSENGER, Priority.NORMAL);
        off.desk.claim("m", "lan").block();
        off.desk.reply("m", "lan", "Trong 24 giờ thì được.").block();
        off.clock.advance(Duration.ofHours(30));

        assertThatThrownBy(() -> off.desk.reply("m", "lan", "Chị vẫn ở đây.").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.WINDOW_CLOSED);
                    assertThat(r.getMessage()).contains("24 giờ", "HUMAN_AGENT", "chỉ nhận được tin nhắn khi họ viết lại");
                });
        assertThat(off.sent).extracting(m -> m.text()).containsExactly("Trong 24 giờ thì được.");
        assertThat(off.stored("m").turns()).filteredOn(t -> t.speaker() == Speaker.CASEWORKER).hasSize(1);
        assertThat(off.desk.summary("m").block().replyWindow().open()).isFalse();
        assertThat(off.meters.counter("motcua.handoff.replies_refused", "channel", "messenger", "reason",
                "window_closed").count()).isEqualTo(1);
    }

    @Test
    void evenWithThePermissionAMessengerReplyAfter8DaysIsRefused() {
        on.waiting("m", Channel.MESSENGER, Priority.NORMAL);
        on.desk.claim("m", "lan").block();
        on.clock.advance(Duration.ofDays(8));

        assertThatThrownBy(() -> on.desk.reply("m", "lan", "Chị vẫn ở đây.").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.WINDOW_CLOSED);
                    assertThat(r.getMessage()).contains("7 ngày");
                });
        assertThat(on.sent).isEmpty();
    }

    @Test
    void aZaloReplyAfterTheConsultationWindowIsRefusedAndTheQueueShowsWhenItCloses() {
        off.waiting("z", Channel.ZALO, Priority.HIGH);
        off.desk.claim("z", "lan").block();
        assertThat(off.desk.summary("z").block().replyWindow().closesAt())
                .isEqualTo(off.stored("z").lastHeardAt().plus(Duration.ofHours(48)));
        off.clock.advance(Duration.ofHours(47));
        off.desk.reply("z", "lan", "Trong 48 giờ.").block();
        off.clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> off.desk.reply("z", "lan", "Quá 48 giờ.").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.WINDOW_CLOSED);
                    assertThat(r.getMessage()).contains("Zalo", "48 giờ");
                });
        assertThat(off.sent).extracting(m -> m.text()).containsExactly("Trong 48 giờ.");
    }

    @Test
    void onlyTheCaseworkerWhoHoldsTheConversationCanReplyReleaseOrCloseIt() {
        on.waiting("c", Channel.WEBCHAT, Priority.NORMAL);
        assertThatThrownBy(() -> on.desk.reply("c", "lan", "chào").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.kind())
                        .isEqualTo(HandoffRefusal.Kind.NOT_ASSIGNED));
        on.desk.claim("c", "lan").block();
        assertThatThrownBy(() -> on.desk.release("c", "minh").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.assignee()).isEqualTo("lan"));
        assertThatThrownBy(() -> on.desk.close("c", "minh", "xong", List.of()).block())
                .isInstanceOf(HandoffRefusal.class);
        assertThatThrownBy(() -> on.desk.claim("nobody", "lan").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.kind())
                        .isEqualTo(HandoffRefusal.Kind.NOT_FOUND));
    }

    @Test
    void releasingGivesTheConversationBackToTheBotWhichSaysItIsAnAutomatedAssistantAgain() {
        on.waiting("c", Channel.WEBCHAT, Priority.NORMAL);
        on.desk.claim("c", "lan").block();
        QueueItem released = on.desk.release("c", "lan").block();

        assertThat(released.state()).isEqualTo(ConversationState.BOT);
        assertThat(released.assignee()).isNull();
        assertThat(on.sent).singleElement().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo(Purpose.RESPONSE);
            assertThat(m.text()).isEqualTo(DeskFixture.WELCOME_BACK);
        });
        assertThat(on.stored("c").turns().get(on.stored("c").turns().size() - 1).speaker()).isEqualTo(Speaker.BOT);
        assertThatThrownBy(() -> on.desk.release("c", "lan").block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.kind())
                        .isEqualTo(HandoffRefusal.Kind.INVALID_TRANSITION));
    }

    @Test
    void aReferralGoesThroughItsStatesAndTheAuditLogHoldsEveryStepWithoutAnyText() {
        on.waiting("c", Channel.WEBCHAT, Priority.HIGH);
        on.desk.claim("c", "lan").block();
        on.desk.reply("c", "lan", "Chị là Lan, nhân viên hỗ trợ.").block();
        on.desk.note("c", "lan", "Người này sợ chồng đọc điện thoại").block();
        on.desk.safeContact("c", "lan", "sau 20 giờ", false).block();
        CaseView.ReferralView proposed = on.desk.refer("c", "lan", "tro-giup-phap-ly", "Hẹn thứ Hai").block();
        assertThat(proposed.status()).isEqualTo(ReferralStatus.PROPOSED);

        List<ReferralStatus> course = List.of(ReferralStatus.AGREED, ReferralStatus.MADE, ReferralStatus.COMPLETED);
        for (ReferralStatus next : course) {
            on.desk.updateReferral(proposed.id(), "minh", next, null).block();
        }
        assertThatThrownBy(() -> on.desk.updateReferral(proposed.id(), "minh", ReferralStatus.DECLINED, null).block())
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.kind())
                        .isEqualTo(HandoffRefusal.Kind.INVALID_TRANSITION));
        // What caseworkers wrote is sealed at rest.
        assertThat(on.files.notes("c").block().get(0).sealedText()).startsWith("sealed:");
        on.desk.close("c", "lan", "Đã giới thiệu trợ giúp pháp lý", List.of(proposed.id())).block();

        CaseView view = on.desk.view("c").block();
        assertThat(view.referrals()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReferralStatus.COMPLETED);
            assertThat(r.history()).extracting(Referral.Step::status).containsExactly(ReferralStatus.PROPOSED,
                    ReferralStatus.AGREED, ReferralStatus.MADE, ReferralStatus.COMPLETED);
            assertThat(r.history()).extracting(Referral.Step::by).containsExactly("lan", "minh", "minh", "minh");
            assertThat(r.note()).isEqualTo("Hẹn thứ Hai");
        });
        // A closed case keeps only its outcome and its referrals: no message text, no way to reach the person.
        assertThat(view.notes()).isEmpty();
        assertThat(view.safeContact()).isNull();
        assertThat(on.desk.transcript("c", "lan").block()).isEmpty();
        assertThat(on.stored("c").sealedAddress()).isNull();
        assertThat(view.outcome()).isEqualTo("Đã giới thiệu trợ giúp pháp lý");
        assertThat(view.summary().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(on.sent).as("notes never reach the person").extracting(m -> m.text())
                .containsExactly("Chị là Lan, nhân viên hỗ trợ.");

        List<AuditEntry> log = on.audit.of("c").block();
        assertThat(log).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.CLAIM,
                AuditEntry.Action.REPLY, AuditEntry.Action.NOTE, AuditEntry.Action.SAFE_CONTACT,
                AuditEntry.Action.REFERRAL_PROPOSED, AuditEntry.Action.REFERRAL_UPDATED,
                AuditEntry.Action.REFERRAL_UPDATED, AuditEntry.Action.REFERRAL_UPDATED, AuditEntry.Action.CLOSE,
                AuditEntry.Action.VIEW_TRANSCRIPT);
        assertThat(log).extracting(AuditEntry::actor).containsExactly("lan", "lan", "lan", "lan", "lan", "minh",
                "minh", "minh", "lan", "lan");
        assertThat(log).extracting(AuditEntry::detail).filteredOn(d -> d != null && d.contains(proposed.id()))
                .containsExactly("referral " + proposed.id() + " to tro-giup-phap-ly: PROPOSED",
                        "referral " + proposed.id() + ": PROPOSED → AGREED",
                        "referral " + proposed.id() + ": AGREED → MADE",
                        "referral " + proposed.id() + ": MADE → COMPLETED");
        List<String> everything = new ArrayList<>();
        log.forEach(e -> everything.add(e.toString()));
        assertThat(String.join("\n", everything)).doesNotContain("Lan, nhân viên", "sợ chồng", "20 giờ", "Hẹn thứ Hai",
                "Đã giới thiệu");
    }

    @Test
    void anyCaseworkerCanEraseAConversationAndTheAuditLogSaysWhoButNotWhat() {
        on.waiting("c", Channel.WEBCHAT, Priority.HIGH);
        on.desk.claim("c", "lan").block();
        on.desk.note("c", "lan", "Người này sợ chồng đọc điện thoại").block();
        on.desk.refer("c", "lan", "tro-giup-phap-ly", "Hẹn thứ Hai").block();

        on.desk.erase("c", "minh").block();

        assertThat(on.stored("c")).isNull();
        assertThat(on.files.notes("c").block()).isEmpty();
        assertThat(on.referrals.of("c").block()).isEmpty();
        assertThat(on.index.find("c").blockOptional()).isEmpty();
        assertThat(on.audit.of("c").block()).as("no entry names it any more").isEmpty();
        assertThat(on.audit.recent(1).block()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEntry.Action.ERASE);
            assertThat(e.actor()).isEqualTo("minh");
            assertThat(e.conversationId()).isNull();
            assertThat(e.detail()).isNull();
        });
        assertThatThrownBy(() -> on.desk.erase("c", "minh").block()).as("already gone")
                .isInstanceOfSatisfying(HandoffRefusal.class, r -> assertThat(r.kind())
                        .isEqualTo(HandoffRefusal.Kind.NOT_FOUND));
    }

    @Test
    void theQueueShowsTheMostUrgentFirstAndAConversationWaitingTooLongRises() {
        on.waiting("normal-old", Channel.MESSENGER, Priority.NORMAL);
        on.clock.advance(Duration.ofMinutes(14));
        on.waiting("high", Channel.ZALO, Priority.HIGH);
        on.waiting("critical", Channel.WEBCHAT, Priority.CRITICAL);
        on.waiting("normal-new", Channel.WEBCHAT, Priority.NORMAL);
        assertThat(on.desk.list(null).block()).extracting(QueueItem::id)
                .containsExactly("critical", "high", "normal-old", "normal-new");

        on.clock.advance(Duration.ofMinutes(2));
        List<QueueItem> later = on.desk.list(null).block();
        assertThat(later).extracting(QueueItem::id).as("past 15 minutes a NORMAL one joins the HIGH ones, first")
                .containsExactly("critical", "normal-old", "high", "normal-new");
        assertThat(later.get(1).overdue()).isTrue();
        assertThat(later.get(1).waitingSeconds()).isGreaterThanOrEqualTo(16 * 60);
        assertThat(later.get(2).overdue()).isFalse();
    }

    @Test
    void theQueueAndTheTranscriptAreReadWithoutChangingAnything() {
        on.waiting("c", Channel.WEBCHAT, Priority.NORMAL);
        on.desk.list(null).block();
        on.desk.view("c").block();
        assertThat(on.desk.transcript("c", "lan").block()).singleElement().satisfies(line -> {
            assertThat(line.from()).isEqualTo(Speaker.PERSON);
            assertThat(line.text()).isEqualTo("xin chào");
        });
        assertThat(on.stored("c").state()).isEqualTo(ConversationState.WAITING_FOR_HUMAN);
        assertThat(on.sent).isEmpty();
    }

    @Test
    void theConsolesAreNotSentTheMessagesOfConversationsTheBotAloneHandles() {
        var c = on.personWrote("bot-only", Channel.WEBCHAT);
        String turn = c.turns().get(0).messageId();
        assertThat(on.desk.line("bot-only", turn).blockOptional()).isEmpty();

        on.stored.put("bot-only", on.escalations.escalate(c, Priority.NORMAL, "human_agent").block().conversation());
        assertThat(on.desk.line("bot-only", turn).block().text()).isEqualTo("xin chào");
    }
}
