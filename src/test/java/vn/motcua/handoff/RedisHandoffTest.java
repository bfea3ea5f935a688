package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import vn.motcua.MovableClock;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.OutboxEntry;
import vn.motcua.redis.RedisScope;

/** What the handoff room's Redis adapters add to their contracts: expiry, sealing, restarts, several instances. */
class RedisHandoffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisScopes scopes = new RedisScopes();
    private final List<RedisHandoffEvents> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(RedisHandoffEvents::stop);
        scopes.close();
    }

    /** One instance's handoff stores, on its own connection. */
    private final class Stores {
        final RedisScope scope;
        final RedisHandoffQueue queue;
        final RedisCaseIndex index;
        final RedisCaseFiles files;
        final RedisReferralStore referrals;
        final RedisAuditLog audit;
        final RedisClaimTimes claims;
        final RedisCaseworkerPresence presence;
        final RedisHandoffEvents events;

        Stores(RedisScope s) {
            scope = s;
            queue = new RedisHandoffQueue(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
            index = new RedisCaseIndex(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
            files = new RedisCaseFiles(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
            referrals = new RedisReferralStore(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
            audit = new RedisAuditLog(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
            claims = new RedisClaimTimes(s.template(), s.keys());
            presence = new RedisCaseworkerPresence(s.template(), s.keys());
            events = new RedisHandoffEvents(s.template(), s.factory(), s.keys(), RedisScopes.SEALER);
            events.start();
            started.add(events);
            events.subscribed().block(WAIT);
        }
    }

    @Test
    void everyKeyAboutAPersonExpiresWithTheRetentionAndNoValueShowsWhatWasWrittenOrWhy() {
        Stores on = new Stores(scopes.next("ttl"));
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // Plain text where the desk would already have sealed it: the adapter seals the whole record again.
        on.queue.escalate(new Escalation(c, Priority.CRITICAL, "self_harm", now)).block();
        on.index.put(new CaseIndex.Entry(c, ConversationState.WITH_HUMAN, "caseworker-lan", now)).block();
        on.files.addNote(new Note("n1", c, "caseworker-lan", "NOTE: he comes home at 18h", now)).block();
        on.files.putSafeContact(new SafeContact(c, "only after 20h", false, "caseworker-lan", now)).block();
        on.files.putClosure(new Closure(c, "OUTCOME: moved to a shelter", List.of("r1"), "caseworker-lan", now)).block();
        on.referrals.save(Referral.proposed("r1", c, "shelter-district-1", "REFERRAL NOTE", "caseworker-lan", now))
                .block();
        on.audit.record(new AuditEntry(now, "caseworker-lan", AuditEntry.Action.REFERRAL_PROPOSED, c,
                "referral r1 to shelter-district-1: PROPOSED")).block();
        on.claims.record(Duration.ofMinutes(3)).block();
        on.presence.seen("caseworker-lan", now).block();

        ReactiveStringRedisTemplate redis = on.scope.template();
        List<String> keys = on.scope.allKeys();
        // Neither names a person nor holds anything about one: a counter, and waits in milliseconds.
        List<String> notAboutAPerson = List.of(on.scope.keys().key("handoff", "audit", "seq"),
                on.scope.keys().key("handoff", "claim-times"));
        assertThat(keys).containsAll(notAboutAPerson).hasSizeGreaterThanOrEqualTo(12);
        List<String> problems = new ArrayList<>();
        List<String> forbidden = List.of("self_harm", "caseworker-lan", "18h", "20h", "shelter", "NOTE", "OUTCOME",
                "PROPOSED", "WITH_HUMAN", "CRITICAL");
        String presenceKey = on.scope.keys().key("handoff", "presence");
        for (String key : keys) {
            long ttl = redis.getExpire(key).block(WAIT).toMillis();
            if (!notAboutAPerson.contains(key) && (ttl <= 0 || ttl > RedisScopes.PRIVACY.retention().toMillis())) {
                problems.add(key + " expires in " + ttl + " ms");
            }
            if (key.equals(presenceKey)) {
                continue; // caseworkers' names: staff, not the person; the set expires after a day
            }
            for (String value : values(redis, key)) {
                forbidden.stream().filter(value::contains).forEach(word -> problems.add(key + " shows " + word));
            }
        }
        assertThat(problems).as("keys without the retention as their time to live, or holding text in clear")
                .isEmpty();
        assertThat(redis.getExpire(presenceKey).block(WAIT)).isPositive()
                .isLessThanOrEqualTo(RedisCaseworkerPresence.KEPT);
    }

    private static List<String> values(ReactiveStringRedisTemplate redis, String key) {
        DataType type = redis.type(key).block(WAIT);
        Flux<String> values = switch (type) {
            case STRING -> redis.opsForValue().get(key).flux();
            case LIST -> redis.opsForList().range(key, 0, -1);
            case SET -> redis.opsForSet().members(key);
            case ZSET -> redis.opsForZSet().range(key, Range.unbounded());
            default -> Flux.just("unexpected type " + type);
        };
        return values.collectList().block(WAIT);
    }

    @Test
    void afterARestartOnTheSameRedisTheQueueTheCaseAndItsReferralsAreAsTheyWere() {
        RedisScope before = scopes.next("restart");
        Stores first = new Stores(before);
        String waiting = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(600);
        first.queue.escalate(new Escalation(waiting, Priority.HIGH, "child_abuse", since)).block();
        first.index.put(new CaseIndex.Entry(waiting, ConversationState.WAITING_FOR_HUMAN, null, since)).block();
        first.index.put(new CaseIndex.Entry(held, ConversationState.WITH_HUMAN, "lan", since)).block();
        first.referrals.save(Referral.proposed("r-" + held, held, "legal-aid", "sealed", "lan", since)).block();
        first.files.addNote(new Note("n-" + held, held, "lan", "sealed-note", since)).block();
        first.audit.record(new AuditEntry(since, "lan", AuditEntry.Action.CLAIM, held, null)).block();
        first.claims.record(Duration.ofMinutes(4)).block();

        // Another process: a new connection, new adapters, nothing kept in memory.
        Stores after = new Stores(scopes.sameKeys(before));
        assertThat(after.queue.waiting().block()).singleElement().satisfies(e -> {
            assertThat(e.conversationId()).isEqualTo(waiting);
            assertThat(e.priority()).isEqualTo(Priority.HIGH);
            assertThat(e.since()).isEqualTo(since);
        });
        assertThat(after.index.inStates(EnumSet.of(ConversationState.WITH_HUMAN)).block()).singleElement()
                .satisfies(e -> assertThat(e.assignee()).isEqualTo("lan"));
        assertThat(after.referrals.of(held).block()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.PROPOSED));
        assertThat(after.files.notes(held).block()).extracting(Note::sealedText).containsExactly("sealed-note");
        assertThat(after.audit.of(held).block()).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.CLAIM);
        assertThat(after.claims.recent(5).block()).containsExactly(Duration.ofMinutes(4));
    }

    @Test
    void anEventPublishedOnOneInstanceReachesTheConsolesOfEveryInstanceOnceAndNoOtherDeployment() {
        RedisScope scope = scopes.next("events");
        Stores a = new Stores(scope);
        Stores b = new Stores(scopes.sameKeys(scope));
        Stores elsewhere = new Stores(scopes.next("events-other"));
        HandoffEvent message = new HandoffEvent.MessageChanged("c1", "t1");
        HandoffEvent alert = new HandoffEvent.Alert("c1", Priority.CRITICAL, HandoffEvent.Alert.CRISIS,
                Instant.parse("2026-01-01T10:00:00Z"));
        List<HandoffEvent> heardElsewhere = new CopyOnWriteArrayList<>();
        var listening = elsewhere.events.listen().subscribe(heardElsewhere::add);

        StepVerifier.create(Flux.merge(a.events.listen().take(2).collectList().map(l -> "a " + l),
                        b.events.listen().take(2).collectList().map(l -> "b " + l)).collectList())
                .then(() -> b.events.publish(message).then(b.events.publish(alert)).block(WAIT))
                .assertNext(heard -> assertThat(heard).containsExactlyInAnyOrder("a " + List.of(message, alert),
                        "b " + List.of(message, alert)))
                .expectComplete()
                .verify(WAIT);

        // Published after the two above: had the other deployment heard them, they would have come first.
        HandoffEvent own = new HandoffEvent.QueueChanged("other");
        elsewhere.events.publish(own).block(WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !heardElsewhere.isEmpty());
        assertThat(heardElsewhere).containsExactly(own);
        listening.dispose();
    }

    @Test
    void ofTwoCaseworkersOnTwoInstancesClaimingAtOnceOneGetsItAndTheOtherIsToldWho() {
        RedisScope scope = scopes.next("claims");
        Stores a = new Stores(scope);
        Stores b = new Stores(scopes.sameKeys(scope));
        // The conversation store is another room's (its Redis adapter is tested there): one map stands for it.
        Map<String, Conversation> conversations = new ConcurrentHashMap<>();
        MovableClock clock = new MovableClock();
        CaseworkerDesk deskA = desk(a, conversations, clock);
        CaseworkerDesk deskB = desk(b, conversations, clock);
        Escalations escalations = new Escalations(a.queue, a.index, a.claims, a.presence, a.files, a.referrals,
                a.audit, HandoffProperties.defaults(), clock);

        for (int round = 0; round < 10; round++) {
            String id = "c" + round + "-" + UUID.randomUUID();
            Conversation c = Conversation.start(id, Channel.WEBCHAT, DeskFixture.SEALING.seal("webchat|s" + round),
                    clock.instant()).withTurn(new Turn(Speaker.PERSON, DeskFixture.SEALING.seal("cứu"), "human_agent",
                    clock.instant()));
            conversations.put(id, escalations.escalate(c, Priority.HIGH, "human_agent").block(WAIT).conversation());

            List<String> won = new CopyOnWriteArrayList<>();
            List<HandoffRefusal> refused = new CopyOnWriteArrayList<>();
            Mono.when(claim(deskA, id, "lan", won, refused), claim(deskB, id, "minh", won, refused)).block(WAIT);

            assertThat(won).hasSize(1);
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.CLAIMED);
                assertThat(r.assignee()).isEqualTo(won.get(0));
            });
            for (Stores instance : List.of(a, b)) {
                assertThat(instance.queue.find(id).blockOptional()).as("still waiting").isEmpty();
                assertThat(instance.index.find(id).block().assignee()).isEqualTo(won.get(0));
                assertThat(instance.audit.of(id).block()).extracting(AuditEntry::action)
                        .containsExactly(AuditEntry.Action.CLAIM);
            }
        }
    }

    private static Mono<Void> claim(CaseworkerDesk desk, String id, String who, List<String> won,
                                    List<HandoffRefusal> refused) {
        return desk.claim(id, who).subscribeOn(Schedulers.parallel())
                .doOnNext(item -> won.add(item.assignee()))
                .onErrorResume(HandoffRefusal.class, e -> {
                    refused.add(e);
                    return Mono.empty();
                }).then();
    }

    private static CaseworkerDesk desk(Stores s, Map<String, Conversation> conversations, MovableClock clock) {
        ConversationStore store = new ConversationStore() {
            @Override
            public Mono<Conversation> find(String id) {
                return Mono.fromSupplier(() -> conversations.get(id));
            }

            @Override
            public Mono<Void> save(Conversation conversation) {
                return Mono.fromRunnable(() -> conversations.put(conversation.id(), conversation));
            }

            @Override
            public Mono<Void> delete(String id) {
                return Mono.fromRunnable(() -> conversations.remove(id));
            }
        };
        HandoffProperties properties = HandoffProperties.defaults();
        BotLines lines = () -> new BotLines.Line("system", DeskFixture.WELCOME_BACK,
                List.of(new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent")));
        return new CaseworkerDesk(store, new RedisLock(s.scope.template(), s.scope.keys().prefix()), s.queue, s.index,
                s.files, s.referrals, s.audit, s.claims, s.events, DeskFixture.SEALING, lines, new NoOutbox(),
                new ReplyWindows(properties), properties, clock, new SimpleMeterRegistry());
    }

    /**
     * A lock shared by the instances, as the conversation room's Redis lock is: SET NX PX with an owner token,
     * compare-and-delete to release.
     */
    private record RedisLock(ReactiveStringRedisTemplate redis, String prefix) implements ConversationLock {

        private static final RedisScript<Long> RELEASE = RedisScript.of(
                "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                Long.class);

        @Override
        public Mono<Lease> acquire(String conversationId) {
            String token = UUID.randomUUID().toString();
            return Mono.defer(() -> redis.opsForValue().setIfAbsent(prefix + "testlock:" + conversationId, token,
                            Duration.ofSeconds(30)))
                    .filter(Boolean::booleanValue)
                    .repeatWhenEmpty(200, tries -> tries.delayElements(Duration.ofMillis(5)))
                    .map(ok -> new Lease(conversationId, token, Duration.ofSeconds(30)));
        }

        @Override
        public Mono<Void> release(Lease lease) {
            return redis.execute(RELEASE, List.of(prefix + "testlock:" + lease.conversationId()),
                    List.of(lease.token())).then();
        }
    }

    private static final class NoOutbox implements Outbox {
        @Override
        public Mono<Void> enqueue(List<OutboundMessage> messages) {
            return Mono.empty();
        }

        @Override
        public Flux<OutboxEntry> entries() {
            return Flux.never();
        }

        @Override
        public Mono<Void> acknowledge(OutboxEntry entry) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> discard(String conversationId) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> stillWanted(OutboxEntry entry) {
            return Mono.just(true);
        }

        @Override
        public int pending() {
            return 0;
        }
    }
}
