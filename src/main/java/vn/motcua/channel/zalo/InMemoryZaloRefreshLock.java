package vn.motcua.channel.zalo;

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

    private final SingleFlight flight = new SingleFlight();

    @Override
    public Mono<ZaloTokens> exclusive(Mono<ZaloTokens> refresh, Mono<ZaloTokens> reread) {
        return flight.share(refresh, reread);
    }
}
