package vn.motcua.channel.webchat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * At most {@code MOTCUA_WEBCHAT_STREAMS_PER_SESSION} event streams open at once for one session (tabs of one
 * conversation), so that one client cannot hold streams without bound. Counted in this instance, whichever relay
 * carries the messages: with several instances a session could hold that many on each, which still bounds it by the
 * number of instances. A count exists only while a stream is open, so this map is bounded by open connections.
 */
@Component
class ListenerSlots {

    private final int perSession;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ListenerSlots(WebChatProperties properties) {
        this.perSession = properties.streamsPerSession();
    }

    /**
     * The session's stream from {@code listen}, holding a slot until it ends or is cancelled.
     *
     * @return null when the session already has every slot taken
     */
    <T> Flux<T> take(String sessionId, Supplier<Flux<T>> listen) {
        boolean[] taken = new boolean[1];
        open.compute(sessionId, (id, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < perSession;
            return taken[0] ? now + 1 : now;
        });
        if (!taken[0]) {
            return null;
        }
        return listen.get().doFinally(signal -> give(sessionId));
    }

    private void give(String sessionId) {
        open.computeIfPresent(sessionId, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** Streams open now for the session (for tests). */
    int held(String sessionId) {
        return open.getOrDefault(sessionId, 0);
    }
}
