package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

/**
 * What every {@link WebChatSessionStore} adapter must do; each adapter's test extends this. A session is open from
 * {@code open} until {@code close}, or until it has not been used for the idle time.
 */
abstract class WebChatSessionStoreContract {

    /** A new store whose sessions close after {@link #idle()} without use. */
    abstract WebChatSessionStore newStore();

    /** The idle time of {@link #newStore()}: 30 minutes by default, shorter where time cannot be faked. */
    Duration idle() {
        return Duration.ofMinutes(30);
    }

    /**
     * Lets {@code time} pass for the store last made: a fake clock in memory. An adapter whose expiry runs on a server's
     * own clock (Redis key TTLs) uses a short {@link #idle()} and waits until that much time has really passed.
     */
    abstract void elapse(Duration time);

    @Test
    void anOpenedSessionIsOpenAndOneNeverOpenedIsNot() {
        WebChatSessionStore store = newStore();
        String session = SessionIds.next();
        StepVerifier.create(store.open(session)).verifyComplete();

        StepVerifier.create(store.touch(session)).expectNext(true).verifyComplete();
        StepVerifier.create(store.touch(SessionIds.next())).expectNext(false).verifyComplete();
    }

    @Test
    void aSessionInUseStaysOpenPastTheIdleTimeAndClosesOnceLeftIdle() {
        WebChatSessionStore store = newStore();
        String session = SessionIds.next();
        Duration mostOfIdle = idle().multipliedBy(2).dividedBy(3);
        store.open(session).block();

        elapse(mostOfIdle);
        assertThat(store.touch(session).block()).as("used %s after opening", mostOfIdle).isTrue();
        elapse(mostOfIdle);
        assertThat(store.touch(session).block()).as("used again: open %s in all", mostOfIdle.multipliedBy(2)).isTrue();
        elapse(idle().plus(idle().dividedBy(10)));
        assertThat(store.touch(session).block()).as("left idle for longer than %s", idle()).isFalse();
    }

    @Test
    void aClosedSessionIsClosedAtOnceAndOthersStayOpen() {
        WebChatSessionStore store = newStore();
        String closing = SessionIds.next();
        String other = SessionIds.next();
        store.open(closing).block();
        store.open(other).block();

        StepVerifier.create(store.close(closing)).verifyComplete();
        assertThat(store.touch(closing).block()).isFalse();
        assertThat(store.touch(other).block()).isTrue();
    }

    @Test
    void closingASessionThatIsNotOpenIsHarmless() {
        WebChatSessionStore store = newStore();
        String session = SessionIds.next();
        StepVerifier.create(store.close(session)).verifyComplete();
        store.open(session).block();
        store.close(session).block();
        StepVerifier.create(store.close(session)).verifyComplete();
        assertThat(store.touch(session).block()).isFalse();
    }
}
