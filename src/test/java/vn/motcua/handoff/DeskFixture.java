package vn.motcua.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.MovableClock;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.Outbox;

/** The handoff room with in-memory stores and stand-ins for what other rooms provide, on a clock a test moves. */
final class DeskFixture {

    /** Sealing that only marks the text, so a test can see that what is stored was sealed. */
    static final PersonalData SEALING = new PersonalData() {
        @Override
        public String seal(String text) {
            return text == null ? null : "sealed:" + text;
        }

        @Override
        public String open(String sealed) {
            return sealed == null ? null : sealed.substring("sealed:".length());
        }

        @Override
        public ReplyAddress openAddress(String sealedAddress) {
            String[] parts = open(sealedAddress).split("\\|");
            return ReplyAddress.of(Channel.fromId(parts[0]), parts[1]);
        }
    };

    static final String WELCOME_BACK = "Từ bây giờ, người trả lời bạn lại là trợ lý tự động.";

    final MovableClock clock = new MovableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<String, Conversation> stored = new ConcurrentHashMap<>();
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final InMemoryHandoffQueue queue = new InMemoryHandoffQueue();
    final InMemoryCaseIndex index = new InMemoryCaseIndex(Duration.ofDays(30));
    final InMemoryCaseFiles files = new InMemoryCaseFiles(Duration.ofDays(30));
    final InMemoryReferralStore referrals = new InMemoryReferralStore(Duration.ofDays(30));
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryClaimTimes claims = new InMemoryClaimTimes();
    final InMemoryHandoffEvents events = new InMemoryHandoffEvents();
    final InMemoryCaseworkerPresence presence = new InMemoryCaseworkerPresence();
    final HandoffProperties properties;
    final CaseworkerDesk desk;
    final Escalations escalations;

    DeskFixture(HandoffProperties properties) {
        this.properties = properties;
        ConversationStore store = new ConversationStore() {
            @Override
            public Mono<Conversation> find(String id) {
                return Mono.fromSupplier(() -> stored.get(id));
            }

            @Override
            public Mono<Void> save(Conversation conversation) {
                return Mono.fromRunnable(() -> stored.put(conversation.id(), conversation));
            }

            @Override
            public Mono<Void> delete(String id) {
                return Mono.fromRunnable(() -> stored.remove(id));
            }
        };
        Outbox outbox = new RecordingOutbox(sent);
        BotLines lines = () -> new BotLines.Line("system", WELCOME_BACK,
                List.of(new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent")));
        ReplyWindows windows = new ReplyWindows(properties);
        this.desk = new CaseworkerDesk(store, new OneAtATime(), queue, index, files, referrals, audit, claims, events,
                SEALING, lines, outbox, windows, properties, clock, meters,
                id -> Mono.fromRunnable(() -> stored.remove(id)).then(escalations().forget(id)));
        this.escalations = new Escalations(queue, index, claims, presence, files, referrals, audit, properties, clock);
    }

    /** A conversation in which the person wrote one message now, on {@code channel}. */
    Conversation personWrote(String id, Channel channel) {
        Conversation c = Conversation.start(id, channel, SEALING.seal(channel.id() + "|user-" + id), clock.instant())
                .withTurn(new Turn(Speaker.PERSON, SEALING.seal("xin chào"), "human_agent", clock.instant()));
        stored.put(id, c);
        return c;
    }

    /** The person's conversation escalated through the bot's path. */
    Conversation waiting(String id, Channel channel, vn.motcua.message.Priority priority) {
        Conversation c = personWrote(id, channel);
        Conversation escalated = escalations.escalate(c, priority, "human_agent").block().conversation();
        stored.put(id, escalated);
        return escalated;
    }

    private Escalations escalations() {
        return escalations;
    }

    Conversation stored(String id) {
        return stored.get(id);
    }

    Instant now() {
        return clock.instant();
    }

    /** A correct lock: one holder per conversation, the others wait their turn. */
    static final class OneAtATime implements ConversationLock {

        private final Map<String, Semaphore> held = new ConcurrentHashMap<>();

        @Override
        public Mono<Lease> acquire(String conversationId) {
            Semaphore semaphore = held.computeIfAbsent(conversationId, k -> new Semaphore(1));
            return Mono.fromCallable(() -> {
                semaphore.acquire();
                return new Lease(conversationId, "t", Duration.ofSeconds(30));
            }).subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        public Mono<Void> release(Lease lease) {
            return Mono.fromRunnable(() -> held.get(lease.conversationId()).release());
        }

        @Override
        public Mono<Boolean> extend(Lease lease) {
            return Mono.just(true);
        }
    }
}
