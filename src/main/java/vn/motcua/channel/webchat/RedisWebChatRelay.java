package vn.motcua.channel.webchat;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * The relay across instances. A session's stream is a mailbox on Redis (a list of sealed messages) beside a key
 * that says the stream is open, both living as long as the session is used; the instance where the page listens
 * subscribes to the session's pub/sub channel and empties the mailbox when told there is mail. So a reply sent by
 * any instance reaches the page on any other, and one written while the page reconnects (perhaps to another
 * instance) waits in the mailbox. Keys and channel carry a keyed hash of the session id, never the id itself; what
 * travels and what waits is sealed. One listener per session (the page keeps its session id per tab): two listening
 * at once would share the messages between them.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisWebChatRelay implements WebChatRelay, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisWebChatRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MAIL = "m";
    private static final String CLOSED = "c";

    /** KEYS: open, mailbox. ARGV: idle ms. */
    private static final RedisScript<Long> KEEP = RedisScript.of("""
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    /** KEYS: open, mailbox. ARGV: sealed message, buffer size, idle ms, channel. */
    private static final RedisScript<Long> PUBLISH = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('RPUSH', KEYS[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('PUBLISH', ARGV[4], 'm')
            return 1
            """, Long.class);

    /** KEYS: mailbox. Everything in it, emptied at once, so each message goes to exactly one listener. */
    private static final RedisScript<String> TAKE = RedisScript.of("""
            local mail = redis.call('LRANGE', KEYS[1], 0, -1)
            redis.call('DEL', KEYS[1])
            if #mail == 0 then return '[]' end
            return cjson.encode(mail)
            """, String.class);

    /**
     * KEYS: open, mailbox. ARGV: channel. What the listener had not taken yet goes with the closing notice (the last
     * answer before an erasure must still reach the page), and nothing of the session is left on Redis.
     */
    private static final RedisScript<Long> CLOSE = RedisScript.of("""
            local mail = redis.call('LRANGE', KEYS[2], 0, -1)
            local held = redis.call('DEL', KEYS[1], KEYS[2])
            if #mail == 0 then redis.call('PUBLISH', ARGV[1], 'c') else redis.call('PUBLISH', ARGV[1], 'c' .. cjson.encode(mail)) end
            return held
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisConnectionFactory connections;
    private final RedisKeys keys;
    private final TextSealer sealer;
    private final PseudonymousIds ids;
    private final Duration idle;
    private volatile ReactiveRedisMessageListenerContainer container;
    private volatile boolean running;

    RedisWebChatRelay(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, RedisKeys keys,
                      TextSealer sealer, PseudonymousIds ids, WebChatProperties properties) {
        this.redis = redis;
        this.connections = connections;
        this.keys = keys;
        this.sealer = sealer;
        this.ids = ids;
        this.idle = properties.sessionIdle();
    }

    /** The session's keys and channel: a keyed hash of its id, as one hash tag so the scripts stay in one slot. */
    private record Names(String open, String mailbox, String channel) {
    }

    private Names names(String sessionId) {
        String tag = "{wc:" + ids.hash("webchat-relay:" + sessionId) + "}";
        return new Names(keys.key("webchat", "open", tag), keys.key("webchat", "mailbox", tag),
                keys.key("webchat", "relay", tag));
    }

    @Override
    public Mono<Void> keep(String sessionId) {
        Names n = names(sessionId);
        return redis.execute(KEEP, List.of(n.open(), n.mailbox()), List.of(Long.toString(idle.toMillis()))).then();
    }

    @Override
    public Mono<Boolean> publish(String sessionId, WebChatEvent event) {
        Names n = names(sessionId);
        String sealed = sealer.seal(JSON.writeValueAsString(event));
        return redis.execute(PUBLISH, List.of(n.open(), n.mailbox()), List.of(sealed, Integer.toString(BUFFER),
                Long.toString(idle.toMillis()), n.channel())).next().map(done -> done == 1L).defaultIfEmpty(false);
    }

    @Override
    public Flux<WebChatEvent> listen(String sessionId) {
        Names n = names(sessionId);
        return Mono.fromCallable(this::container)
                .flatMap(c -> c.receiveLater(new ChannelTopic(n.channel())))
                .flatMapMany(notices -> Flux.merge(
                        // Subscribed: take what waited in the mailbox, or end at once if the stream was closed already.
                        redis.hasKey(n.open()).map(open -> open ? MAIL : CLOSED),
                        notices.map(ReactiveSubscription.Message::getMessage)))
                .takeUntil(notice -> notice.startsWith(CLOSED))
                // One notice at a time, each taking all there is: the messages come in the order they were written.
                .concatMap(notice -> notice.startsWith(CLOSED)
                        ? Flux.fromIterable(opened(notice.substring(CLOSED.length())))
                        : redis.execute(TAKE, List.of(n.mailbox()), List.of()).next().flatMapIterable(this::opened));
    }

    @Override
    public Mono<Void> close(String sessionId) {
        Names n = names(sessionId);
        return redis.execute(CLOSE, List.of(n.open(), n.mailbox()), List.of(n.channel())).then();
    }

    @Override
    public Mono<Boolean> holds(String sessionId) {
        Names n = names(sessionId);
        return redis.countExistingKeys(List.of(n.open(), n.mailbox())).map(count -> count > 0);
    }

    private List<WebChatEvent> opened(String mail) {
        if (mail.isEmpty()) {
            return List.of();
        }
        List<String> sealed = JSON.readValue(mail, new TypeReference<List<String>>() { });
        return sealed.stream().map(s -> JSON.readValue(sealer.open(s), WebChatEvent.class)).toList();
    }

    private synchronized ReactiveRedisMessageListenerContainer container() {
        if (container == null) {
            container = new ReactiveRedisMessageListenerContainer(connections);
        }
        return container;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (container != null) {
            container.destroyLater().subscribe(null, e -> log.debug("Web chat relay: closing failed: {}", e.toString()));
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
