package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class InMemoryReachabilityStoreTest extends ReachabilityStoreContract {

    private final InMemoryReachabilityStore store = new InMemoryReachabilityStore(Duration.ofDays(30));

    @Override
    ReachabilityStore store() {
        return store;
    }

    @Test
    void aMarkIsForgottenWithTheConversationAfterTheRetentionPeriod() {
        AtomicLong nanos = new AtomicLong();
        InMemoryReachabilityStore store = new InMemoryReachabilityStore(Duration.ofDays(30), nanos::get);
        store.markUnreachable("conv-1", "unfollowed").block();

        nanos.addAndGet(Duration.ofDays(29).toNanos());
        assertThat(store.isUnreachable("conv-1").block()).isTrue();
        nanos.addAndGet(Duration.ofDays(2).toNanos());
        assertThat(store.isUnreachable("conv-1").block()).isFalse();
    }
}
