package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class InMemoryWebChatSessionStoreTest extends WebChatSessionStoreContract {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    WebChatSessionStore newStore() {
        return new InMemoryWebChatSessionStore(properties(0), nanos::get);
    }

    @Override
    void elapse(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    /**
     * At its bound the store makes room only with a session unused for 10 minutes, the least recently used first, and
     * refuses a new one rather than drop a session in use; every session that goes is reported, so that its streams
     * and rate limit go with it. (Before, a size-bounded cache dropped sessions people had opened a moment ago.)
     */
    @Test
    void atItsBoundTheStoreEvictsOnlyLongIdleSessionsAndOtherwiseRefusesANewOne() {
        List<String> ended = new ArrayList<>();
        InMemoryWebChatSessionStore store = new InMemoryWebChatSessionStore(properties(3), nanos::get,
                List.of(ended::add));
        String idle = SessionIds.next();
        String active = SessionIds.next();
        String recent = SessionIds.next();
        store.open(idle).block();
        store.open(active).block();
        elapse(Duration.ofMinutes(9));
        store.open(recent).block();
        store.touch(active).block();

        String tooEarly = SessionIds.next();
        assertThatThrownBy(() -> store.open(tooEarly).block()).isInstanceOf(WebChatSessionStore.Full.class);
        assertThat(store.touch(tooEarly).block()).isFalse();

        elapse(Duration.ofMinutes(1));
        String newcomer = SessionIds.next();
        store.open(newcomer).block();
        assertThat(ended).containsExactly(idle);
        assertThat(store.touch(idle).block()).isFalse();
        assertThat(store.touch(active).block()).isTrue();
        assertThat(store.touch(recent).block()).isTrue();
        assertThat(store.touch(newcomer).block()).isTrue();

        // All three were just used: the next newcomer is refused, and nobody is cut off.
        assertThatThrownBy(() -> store.open(SessionIds.next()).block()).isInstanceOf(WebChatSessionStore.Full.class);
        assertThat(ended).containsExactly(idle);

        store.close(recent).block();
        elapse(Duration.ofMinutes(31));
        assertThat(store.touch(active).block()).isFalse();
        assertThat(ended).containsExactlyInAnyOrder(idle, recent, active, newcomer);
        assertThat(store.size()).isZero();
    }

    private WebChatProperties properties(int maxSessions) {
        return new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10), idle(), maxSessions, null, 0, null, 0,
                Duration.ofMinutes(10));
    }
}
