package vn.motcua.conversation;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One writer per conversation (DESIGN §2, §4). Every read-modify-write of a conversation — a turn, an erasure, a
 * delivery report, and later a caseworker's action, a campaign opt-out, a retention sweep — runs while holding its
 * lease. A lease has an owner token, so only its holder can release it, and an expiry, so a holder that died does
 * not block the conversation for ever. Waiting is bounded: past it the caller gets {@link LockTimeoutException}
 * and can try again later (the inbox redelivers).
 */
public interface ConversationLock {

    /** Takes the conversation's lease, waiting at most the configured time for its current holder. */
    Mono<Lease> acquire(String conversationId);

    /** Gives the lease back; does nothing if it expired and someone else holds the conversation now. */
    Mono<Void> release(Lease lease);

    /**
     * Renews a held lease for its ttl from now; false when it was lost (it expired and someone else may hold the
     * conversation now). A Redis adapter compares the owner token and sets the expiry in one Lua script.
     */
    Mono<Boolean> extend(Lease lease);

    /**
     * Runs {@code work} while holding the conversation's lease, and releases it however the work ends. While the work
     * runs the lease is extended every third of its ttl, so a long turn (a slow store, a pause) never loses it to a
     * second writer; a holder that dies stops extending and its lease expires.
     */
    default <T> Mono<T> withLock(String conversationId, Supplier<Mono<T>> work) {
        return Mono.usingWhen(acquire(conversationId), lease -> Mono.defer(() -> {
                    Duration every = lease.ttl().dividedBy(3);
                    Disposable keepAlive = Flux.interval(every, every)
                            .onBackpressureDrop()
                            .concatMap(tick -> extend(lease).onErrorResume(e -> Mono.just(false)))
                            .subscribe();
                    return Mono.defer(work).doFinally(signal -> keepAlive.dispose());
                }), this::release,
                (lease, error) -> release(lease), this::release);
    }

    /**
     * A held lease.
     *
     * @param token the holder's secret: release compares it, so a late holder cannot free someone else's lease
     * @param ttl   how long it was granted for
     */
    record Lease(String conversationId, String token, Duration ttl) {
    }

    /** The conversation stayed held by someone else for longer than the bounded wait. */
    final class LockTimeoutException extends RuntimeException {
        public LockTimeoutException(Duration waited) {
            super("The conversation was held by another writer for more than " + waited.toMillis() + " ms");
        }
    }
}
