package vn.motcua.conversation;

import java.time.Duration;
import java.util.function.Supplier;

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

    /** Runs {@code work} while holding the conversation's lease, and releases it however the work ends. */
    default <T> Mono<T> withLock(String conversationId, Supplier<Mono<T>> work) {
        return Mono.usingWhen(acquire(conversationId), lease -> Mono.defer(work), this::release,
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
