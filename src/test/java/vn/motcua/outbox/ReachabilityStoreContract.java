package vn.motcua.outbox;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

/** What every {@link ReachabilityStore} adapter must do; each adapter's test extends this. */
abstract class ReachabilityStoreContract {

    abstract ReachabilityStore store();

    @Test
    void aConversationNeverMarkedIsReachable() {
        StepVerifier.create(store().isUnreachable("test:" + UUID.randomUUID())).expectNext(false).verifyComplete();
    }

    @Test
    void aMarkedConversationIsUnreachableUntilThePersonWritesAgain() {
        String conversation = "test:" + UUID.randomUUID();

        StepVerifier.create(store().markUnreachable(conversation, "zalo -230: not interacted")).verifyComplete();
        StepVerifier.create(store().isUnreachable(conversation)).expectNext(true).verifyComplete();

        StepVerifier.create(store().markReachable(conversation)).verifyComplete();
        StepVerifier.create(store().isUnreachable(conversation)).expectNext(false).verifyComplete();
    }

    @Test
    void markingTwiceIsTheSameAsOnceAndOneMarkReachableUndoesIt() {
        String conversation = "test:" + UUID.randomUUID();
        store().markUnreachable(conversation, "messenger 551: not available")
                .then(store().markUnreachable(conversation, "messenger 10: outside the window")).block();
        StepVerifier.create(store().isUnreachable(conversation)).expectNext(true).verifyComplete();

        store().markReachable(conversation).block();
        StepVerifier.create(store().isUnreachable(conversation)).expectNext(false).verifyComplete();
    }

    @Test
    void markingOneConversationLeavesTheOthersReachable() {
        String prefix = "test:" + UUID.randomUUID();
        store().markUnreachable(prefix + ":a", "unfollowed").block();

        StepVerifier.create(store().isUnreachable(prefix + ":b")).expectNext(false).verifyComplete();
        StepVerifier.create(store().isUnreachable(prefix)).expectNext(false).verifyComplete();
    }

    @Test
    void markingReachableAConversationNeverMarkedIsHarmless() {
        String conversation = "test:" + UUID.randomUUID();
        StepVerifier.create(store().markReachable(conversation)).verifyComplete();
        StepVerifier.create(store().isUnreachable(conversation)).expectNext(false).verifyComplete();
    }
}
