package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import vn.motcua.MovableClock;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationState;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisConfiguration;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisStoreProperties;
import vn.motcua.redis.RedisTestSupport;

/** What the handoff room's Redis adapters add to their contracts: expiry, sealing, restarts, several instances. */
class RedisHandoffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisScopes scopes = new RedisScopes();
    private final List<RedisHandoffInstance> started = new ArrayList<>();

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final MovableClock clock = new MovableClock();

    @AfterEach
    void close() {
        started.forEach(RedisHandoffInstance::close);
        scopes.close();
    }

    private RedisHandoffInstance instance(RedisScope scope) {
        RedisHandoffInstance instance = new RedisHandoffInstance(scope, conversations, clock);
        started.add(instance);
        return instance;
    }

    @Test
    void everyKeyAboutAPersonExpiresWithTheRetentionAndNoValueShowsWhatWasWrittenOrWhy() {
        RedisHandoffInstance on = instance(scopes.next("ttl"));
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
        // Each with a character Base64 never has (a quote, a space, '_', '-', ':'), so a sealed value cannot match
        // by chance; a quote alone shows JSON in clear.
        List<String> forbidden = List.of("\"", "self_harm", "caseworker-lan", "at 18h", "after 20h",
                "shelter-district", "NOTE:", "OUTCOME:", "WITH_HUMAN");
        String presenceKey = on.scope.keys().key("handoff", "presence");
        // What a closed case keeps (its closure and referrals) lasts the case period; everything else the retention.
        Duration longest = Collections.max(List.of(RedisScopes.PRIVACY.retention(),
                RedisScopes.PRIVACY.caseRetention()));
        assertThat(keys).as("closing the case dropped its notes and safe contact")
                .doesNotContain(on.scope.keys().conversation("handoff:notes", c),
                        on.scope.keys().conversation("handoff:safe-contact", c));
        for (String key : keys) {
            long ttl = redis.getExpire(key).block(WAIT).toMillis();
            if (!notAboutAPerson.contains(key) && (ttl <= 0 || ttl > longest.toMillis())) {
                problems.add(key + " expires in " + ttl + " ms");
            }
            if (key.equals(presenceKey)) {
                continue; // caseworkers' names: staff, not the person; the set expires after a day
            }
            for (String value : values(redis, key)) {
                forbidden.stream().filter(value::contains).forEach(word -> problems.add(key + " shows " + word));
            }
        }
        assertThat(problems).as("keys without the retention (or case period) as their time to live, or holding text in clear")
                .isEmpty();
        assertThat(redis.getExpire(presenceKey).block(WAIT)).isPositive()
                .isLessThanOrEqualTo(RedisCaseworkerPresence.KEPT);

        // The retention ran out for this conversation (its keys went, as their TTL makes them go): it is no longer
        // listed as waiting or held, and the lists forget it.
        redis.delete(on.scope.keys().conversation("handoff:escalation", c), on.scope.keys().conversation("handoff:case", c))
                .block(WAIT);
        assertThat(on.queue.waiting().block(WAIT)).isEmpty();
        assertThat(on.index.inStates(EnumSet.allOf(ConversationState.class)).block(WAIT)).isEmpty();
        assertThat(on.scope.allKeys()).noneMatch(k -> k.contains(":handoff:waiting") || k.contains(":handoff:cases:"));
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
        RedisHandoffInstance first = instance(before);
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
        RedisHandoffInstance after = instance(scopes.sameKeys(before));
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
        RedisHandoffInstance a = instance(scope);
        RedisHandoffInstance b = instance(scopes.sameKeys(scope));
        RedisHandoffInstance elsewhere = instance(scopes.next("events-other"));
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
    void aConsoleHearsEventsAgainAfterItsInstancesConnectionToRedisWasCut() {
        RedisScope scope = scopes.next("reconnect");
        RedisHandoffInstance publisher = instance(scope);
        // The listening instance's connections carry a name of their own, so the test cuts only those.
        String name = "motcua-test-" + UUID.randomUUID();
        LettuceConnectionFactory named = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(RedisTestSupport.url()),
                LettuceClientConfiguration.builder().clientName(name).build());
        named.afterPropertiesSet();
        named.start();
        RedisScope listenerScope = new RedisScope(scope.prefix(), scope.keys(), named,
                new ReactiveStringRedisTemplate(named));
        RedisHandoffInstance listener = instance(listenerScope);
        List<HandoffEvent> heard = new CopyOnWriteArrayList<>();
        var listening = listener.events().listen().subscribe(heard::add);
        publisher.events().publish(new HandoffEvent.QueueChanged("before")).block(WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> heard.contains(new HandoffEvent.QueueChanged("before")));

        List<String> cut = scope.template().execute(c -> c.serverCommands().getClientList()
                        .filter(client -> name.equals(client.getName()))
                        .concatMap(client -> {
                            String[] address = client.getAddressPort().split(":");
                            return c.serverCommands().killClient(address[0], Integer.parseInt(address[1]))
                                    .thenReturn(client.getAddressPort());
                        }))
                .collectList().block(WAIT);
        assertThat(cut).as("the listening instance's connections, cut").isNotEmpty();

        // Events published while it reconnects are missed (the console re-reads the queue); later ones arrive.
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    publisher.events().publish(new HandoffEvent.QueueChanged("after-" + n.incrementAndGet()))
                            .block(WAIT);
                    return heard.stream().anyMatch(e -> e.conversationId().startsWith("after-"));
                });
        listening.dispose();
        listener.close();
        named.destroy();
    }

    @Test
    void ofTwoCaseworkersOnTwoInstancesClaimingAtOnceOneGetsItAndTheOtherIsToldWho() {
        RedisScope scope = scopes.next("claims");
        RedisHandoffInstance a = instance(scope);
        RedisHandoffInstance b = instance(scopes.sameKeys(scope));
        for (int round = 0; round < 10; round++) {
            String id = "c" + round + "-" + UUID.randomUUID();
            Conversation c = Conversation.start(id, Channel.WEBCHAT, DeskFixture.SEALING.seal("webchat|s" + round),
                    clock.instant()).withTurn(new Turn(Speaker.PERSON, DeskFixture.SEALING.seal("cứu"), "human_agent",
                    clock.instant()));
            a.escalate(c, Priority.HIGH, conversations);

            List<String> won = new CopyOnWriteArrayList<>();
            List<HandoffRefusal> refused = new CopyOnWriteArrayList<>();
            Mono.when(claim(a.desk(), id, "lan", won, refused), claim(b.desk(), id, "minh", won, refused)).block(WAIT);

            assertThat(won).hasSize(1);
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(HandoffRefusal.Kind.CLAIMED);
                assertThat(r.assignee()).isEqualTo(won.get(0));
            });
            for (RedisHandoffInstance instance : List.of(a, b)) {
                assertThat(instance.queue.find(id).blockOptional()).as("still waiting").isEmpty();
                assertThat(instance.index.find(id).block().assignee()).isEqualTo(won.get(0));
                assertThat(instance.audit.of(id).block()).extracting(AuditEntry::action)
                        .containsExactly(AuditEntry.Action.CLAIM);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RedisStoreProperties.class, PrivacyProperties.class})
    @Import({RedisConfiguration.class, ServerSecret.class, TextSealer.class, InMemoryHandoffQueue.class,
            RedisHandoffQueue.class, InMemoryCaseIndex.class, RedisCaseIndex.class, RedisCaseFiles.class,
            InMemoryCaseFiles.class, RedisReferralStore.class, InMemoryReferralStore.class, RedisAuditLog.class,
            InMemoryAuditLog.class, RedisClaimTimes.class, InMemoryClaimTimes.class, RedisCaseworkerPresence.class,
            InMemoryCaseworkerPresence.class, RedisHandoffEvents.class, InMemoryHandoffEvents.class})
    static class Wiring {
    }

    @Test
    void withTheRedisStoreEveryHandoffPortIsItsRedisAdapterAndLiveEventsFlowOnceStarted() {
        RedisScope scope = scopes.next("wiring");
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues(RedisTestSupport.properties(scope.prefix()).toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<Class<?>> ports = List.of(HandoffQueue.class, CaseIndex.class, CaseFiles.class,
                            ReferralStore.class, AuditLog.class, ClaimTimes.class, CaseworkerPresence.class,
                            HandoffEvents.class);
                    assertThat(ports).allSatisfy(port -> assertThat(context.getBean(port).getClass().getSimpleName())
                            .isEqualTo("Redis" + port.getSimpleName()));
                    RedisHandoffEvents events = (RedisHandoffEvents) context.getBean(HandoffEvents.class);
                    events.subscribed().block(WAIT);
                    StepVerifier.create(events.listen().take(1))
                            .then(() -> events.publish(new HandoffEvent.QueueChanged("c")).block(WAIT))
                            .expectNext(new HandoffEvent.QueueChanged("c"))
                            .verifyComplete();
                });
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
}
