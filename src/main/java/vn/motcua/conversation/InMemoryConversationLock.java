package vn.motcua.conversation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The conversation lock in process memory: waiters are served first come, first served, and each is handed the
 * lease on another thread, so one release never runs the next holder's whole turn on the releasing thread.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryConversationLock implements ConversationLock {

    private final Duration ttl;
    private final Duration wait;
    private final Scheduler timers = Schedulers.parallel();
    private final Map<String, Holder> held = new HashMap<>();

    InMemoryConversationLock(LockProperties properties) {
        this.ttl = properties.ttl();
        this.wait = properties.maxWait();
    }

    @Override
    public Mono<Lease> acquire(String conversationId) {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink);
            Lease granted = null;
            synchronized (held) {
                Holder holder = held.get(conversationId);
                if (holder == null || holder.expired()) {
                    granted = grant(conversationId, holder == null ? new ArrayDeque<>() : holder.waiters);
                } else {
                    holder.waiters.addLast(waiter);
                    scheduleExpiryCheck(conversationId, holder);
                }
            }
            if (granted != null) {
                waiter.complete(granted);
                return;
            }
            var timeout = timers.schedule(() -> {
                if (waiter.giveUp()) {
                    synchronized (held) {
                        Holder holder = held.get(conversationId);
                        if (holder != null) {
                            holder.waiters.remove(waiter);
                        }
                    }
                    sink.error(new LockTimeoutException(wait));
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
            sink.onCancel(() -> {
                timeout.dispose();
                waiter.giveUp();
            });
        });
    }

    @Override
    public Mono<Void> release(Lease lease) {
        return Mono.fromRunnable(() -> handOver(lease.conversationId(), lease.token(), NOTHING));
    }

    /**
     * Releases at once, on the caller's thread; {@code whenFree} runs if nobody in this process holds or waits for the
     * conversation any more, while that is still true (under the lock's monitor, so it must be quick). The Redis lock
     * keeps its Redis lease for as long as writers here pass the conversation on to each other.
     */
    void releaseNow(Lease lease, Runnable whenFree) {
        handOver(lease.conversationId(), lease.token(), whenFree);
    }

    private static final Runnable NOTHING = () -> { };

    /**
     * Gives a held lease its full time again, so a writer still working is not overtaken by the next one here.
     *
     * @return false when {@code lease} no longer holds the conversation
     */
    boolean extendNow(Lease lease) {
        return renew(lease, false);
    }

    @Override
    public Mono<Boolean> extend(Lease lease) {
        return Mono.fromSupplier(() -> renew(lease, true));
    }

    /** A planned expiry check sees the later expiry and plans itself again, so nothing else needs rescheduling. */
    private boolean renew(Lease lease, boolean onlyIfUnexpired) {
        synchronized (held) {
            Holder holder = held.get(lease.conversationId());
            if (holder == null || !holder.token.equals(lease.token()) || (onlyIfUnexpired && holder.expired())) {
                return false;
            }
            holder.expiresAtNanos = System.nanoTime() + ttl.toNanos();
            return true;
        }
    }

    /** Frees the conversation if {@code token} still holds it, and gives it to the next live waiter. */
    private void handOver(String conversationId, String token, Runnable whenFree) {
        while (true) {
            Waiter next;
            Lease lease;
            synchronized (held) {
                Holder holder = held.get(conversationId);
                if (holder == null || token != null && !holder.token.equals(token)) {
                    return;
                }
                next = holder.waiters.pollFirst();
                if (next == null) {
                    held.remove(conversationId);
                    whenFree.run();
                    return;
                }
                lease = grant(conversationId, holder.waiters);
            }
            if (next.take()) {
                timers.schedule(() -> next.sink.success(lease));
                return;
            }
            // That waiter gave up or was cancelled: pass the lease on to the one after it.
            token = lease.token();
        }
    }

    private Lease grant(String conversationId, Deque<Waiter> waiters) {
        String token = UUID.randomUUID().toString();
        held.put(conversationId, new Holder(token, System.nanoTime() + ttl.toNanos(), waiters));
        return new Lease(conversationId, token, ttl);
    }

    /** A holder that died keeps its lease only until it expires; then the first waiter gets it. */
    private void scheduleExpiryCheck(String conversationId, Holder holder) {
        if (holder.expiryCheckScheduled) {
            return;
        }
        holder.expiryCheckScheduled = true;
        long delay = Math.max(0, holder.expiresAtNanos - System.nanoTime());
        timers.schedule(() -> {
            boolean expired;
            synchronized (held) {
                boolean current = held.get(conversationId) == holder;
                expired = current && holder.expired();
                if (current && !expired) {
                    // Extended since: check again when the new expiry comes.
                    holder.expiryCheckScheduled = false;
                    scheduleExpiryCheck(conversationId, holder);
                }
            }
            if (expired) {
                handOver(conversationId, holder.token, NOTHING);
            }
        }, delay + 1_000_000, TimeUnit.NANOSECONDS);
    }

    private static final class Holder {
        final String token;
        long expiresAtNanos;
        final Deque<Waiter> waiters;
        boolean expiryCheckScheduled;

        Holder(String token, long expiresAtNanos, Deque<Waiter> waiters) {
            this.token = token;
            this.expiresAtNanos = expiresAtNanos;
            this.waiters = waiters;
        }

        boolean expired() {
            return System.nanoTime() - expiresAtNanos > 0;
        }
    }

    private static final class Waiter {
        final MonoSink<Lease> sink;
        private final AtomicBoolean settled = new AtomicBoolean();

        Waiter(MonoSink<Lease> sink) {
            this.sink = sink;
        }

        /** True if this waiter may still take the lease (it has neither timed out nor been cancelled). */
        boolean take() {
            return settled.compareAndSet(false, true);
        }

        boolean giveUp() {
            return settled.compareAndSet(false, true);
        }

        void complete(Lease lease) {
            if (take()) {
                sink.success(lease);
            }
        }
    }
}
