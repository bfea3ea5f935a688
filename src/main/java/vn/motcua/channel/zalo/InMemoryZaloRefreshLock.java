package vn.motcua.channel.zalo;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Single flight within one process: the first caller's refresh is shared, as one cached {@code Mono}, with everyone
 * who asks while it runs. (With Redis, {@link RedisZaloRefreshLock} adds a {@code SET NX PX} key with an owner token,
 * so that one refresh runs across every instance.)
 */
@Component
@Conditional(ZaloEnabled.class)
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryZaloRefreshLock implements ZaloRefreshLock {

    private final AtomicReference<Mono<ZaloTokens>> inFlight = new AtomicReference<>();

    @Override
    public Mono<ZaloTokens> exclusive(Mono<ZaloTokens> refresh, Mono<ZaloTokens> reread) {
        return Mono.defer(() -> {
            Mono<ZaloTokens> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<Mono<ZaloTokens>> self = new AtomicReference<>();
            Mono<ZaloTokens> mine = refresh
                    .doFinally(signal -> inFlight.compareAndSet(self.get(), null))
                    .cache();
            self.set(mine);
            if (inFlight.compareAndSet(null, mine)) {
                return mine;
            }
            Mono<ZaloTokens> winner = inFlight.get();
            return winner != null ? winner : reread;
        });
    }
}
