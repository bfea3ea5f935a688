package vn.motcua.channel.zalo;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

/**
 * One token renewal at a time within this process: the first caller's renewal is shared, as one cached {@code Mono},
 * with everyone who asks while it runs; a caller who comes after it has finished starts a renewal of its own.
 */
final class SingleFlight {

    private final AtomicReference<Mono<ZaloTokens>> inFlight = new AtomicReference<>();

    /**
     * @param renewal the work to share
     * @param reread  what a caller gets who lost the race to start it just as it finished (the stored pair)
     */
    Mono<ZaloTokens> share(Mono<ZaloTokens> renewal, Mono<ZaloTokens> reread) {
        return Mono.defer(() -> {
            Mono<ZaloTokens> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<Mono<ZaloTokens>> self = new AtomicReference<>();
            Runnable done = () -> inFlight.compareAndSet(self.get(), null);
            Mono<ZaloTokens> mine = renewal
                    // Cleared before the pair is handed out (doFinally would run after the caller has it), so the
                    // next caller starts a renewal of its own rather than being given this finished one.
                    .doOnSuccess(tokens -> done.run())
                    .doOnError(e -> done.run())
                    .doFinally(signal -> done.run())
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
