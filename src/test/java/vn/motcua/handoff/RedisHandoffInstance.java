package vn.motcua.handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.redis.RedisScope;

/**
 * One instance's handoff room on Redis, on its own connection: every store adapter, the live events (subscribed
 * before this returns), and a desk. Public so that other rooms' tests (the console's) can stand up two instances.
 * The conversation store is another room's: the test passes one map that all instances share in its place.
 */
public final class RedisHandoffInstance implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    final RedisScope scope;
    final RedisHandoffQueue queue;
    final RedisCaseIndex index;
    final RedisCaseFiles files;
    final RedisReferralStore referrals;
    final RedisAuditLog audit;
    final RedisClaimTimes claims;
    final RedisCaseworkerPresence presence;
    final RedisHandoffEvents events;
    private final CaseworkerDesk desk;
    private final Escalations escalations;

    public RedisHandoffInstance(RedisScope s, Map<String, Conversation> conversations, Clock clock) {
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
        events.subscribed().block(WAIT);
        HandoffProperties properties = HandoffProperties.defaults();
        BotLines lines = () -> new BotLines.Line("system", DeskFixture.WELCOME_BACK,
                List.of(new QuickReplyOption("Gặp nhân viên", "INTENT:human_agent")));
        escalations = new Escalations(queue, index, claims, presence, files, referrals, audit, properties, clock);
        desk = new CaseworkerDesk(new SharedConversations(conversations), new RedisLock(s.template(), s.prefix()),
                queue, index, files, referrals, audit, claims, events, DeskFixture.SEALING, lines, new RecordingOutbox(new java.util.concurrent.CopyOnWriteArrayList<>()),
                new ReplyWindows(properties), properties, clock, new SimpleMeterRegistry(),
                id -> Mono.fromRunnable(() -> conversations.remove(id)).then(Mono.defer(() -> escalations.forget(id))));
    }

    public CaseworkerDesk desk() {
        return desk;
    }

    public HandoffEvents events() {
        return events;
    }

    public CaseworkerPresence presence() {
        return presence;
    }

    /** The sealing the desk uses (it only marks the text). */
    public static PersonalData sealing() {
        return DeskFixture.SEALING;
    }

    /** Escalates the conversation through this instance, as the bot's turn would, and saves it. */
    public Conversation escalate(Conversation c, vn.motcua.message.Priority priority, Map<String, Conversation> into) {
        Conversation escalated = escalations.escalate(c, priority, "human_agent").block(WAIT).conversation();
        into.put(escalated.id(), escalated);
        return escalated;
    }

    @Override
    public void close() {
        events.stop();
    }

    private record SharedConversations(Map<String, Conversation> conversations) implements ConversationStore {

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
    }

    /**
     * A lock shared by the instances, as the conversation room's Redis lock is: SET NX PX with an owner token,
     * compare-and-delete to release.
     */
    private record RedisLock(ReactiveStringRedisTemplate redis, String prefix) implements ConversationLock {

        private static final RedisScript<Long> RELEASE = RedisScript.of(
                "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                Long.class);
        private static final RedisScript<Long> EXTEND = RedisScript.of(
                "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], 30000) end return 0",
                Long.class);

        @Override
        public Mono<Lease> acquire(String conversationId) {
            String token = UUID.randomUUID().toString();
            return Mono.defer(() -> redis.opsForValue().setIfAbsent(prefix + "testlock:" + conversationId, token,
                            Duration.ofSeconds(30)))
                    .filter(Boolean::booleanValue)
                    .repeatWhenEmpty(400, tries -> tries.delayElements(Duration.ofMillis(5)))
                    .switchIfEmpty(Mono.error(() -> new LockTimeoutException(Duration.ofSeconds(2))))
                    .map(ok -> new Lease(conversationId, token, Duration.ofSeconds(30)));
        }

        @Override
        public Mono<Void> release(Lease lease) {
            return redis.execute(RELEASE, List.of(prefix + "testlock:" + lease.conversationId()),
                    List.of(lease.token())).then();
        }

        @Override
        public Mono<Boolean> extend(Lease lease) {
            return redis.execute(EXTEND, List.of(prefix + "testlock:" + lease.conversationId()),
                    List.of(lease.token())).next().map(extended -> extended == 1L).defaultIfEmpty(false);
        }
    }

}
