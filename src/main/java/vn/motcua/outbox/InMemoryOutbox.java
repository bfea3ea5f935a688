package vn.motcua.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.motcua.message.OutboundMessage;

/**
 * The outbox in process memory: the default. It keeps the contract within a process (pending until acknowledged,
 * discards honoured, a sent message recognised) but not across a restart; the Redis adapter gives durability.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryOutbox implements Outbox {

    // Multicast without auto-cancel, so the worker can subscribe again after a stop and start (Spring pauses and
    // restarts an idle context's lifecycle); what is emitted while nobody listens waits in the buffer.
    private final Sinks.Many<OutboxEntry> sink = Sinks.many().multicast().onBackpressureBuffer(1 << 16, false);
    private final Map<Long, OutboxEntry> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    // Both only need to outlive the entries they judge; an hour is far longer than any entry waits.
    private final Cache<String, Long> discardedUpTo = Caffeine.newBuilder().expireAfterWrite(1, TimeUnit.HOURS).build();
    private final Cache<String, Boolean> sent = Caffeine.newBuilder().expireAfterWrite(1, TimeUnit.HOURS).build();

    @Override
    public Mono<Void> enqueue(List<OutboundMessage> messages) {
        return Mono.fromRunnable(() -> {
            synchronized (sink) {
                // Turns and caseworkers enqueue from many threads; the sink needs them one at a time.
                for (OutboundMessage message : messages) {
                    OutboxEntry entry = new OutboxEntry(message, sequence.incrementAndGet());
                    pending.put(entry.sequence(), entry);
                    sink.emitNext(entry, Sinks.EmitFailureHandler.FAIL_FAST);
                }
            }
        });
    }

    @Override
    public Flux<OutboxEntry> entries() {
        return sink.asFlux();
    }

    @Override
    public Mono<Void> acknowledge(OutboxEntry entry) {
        return Mono.fromRunnable(() -> {
            sent.put(entry.message().messageId(), Boolean.TRUE);
            pending.remove(entry.sequence());
        });
    }

    @Override
    public Mono<Void> discard(String conversationId) {
        return Mono.fromRunnable(() -> {
            discardedUpTo.put(conversationId, sequence.get());
            pending.values().removeIf(entry -> conversationId.equals(entry.message().conversationId()));
        });
    }

    @Override
    public Mono<Boolean> stillWanted(OutboxEntry entry) {
        return Mono.fromSupplier(() -> {
            Long discarded = discardedUpTo.getIfPresent(entry.message().conversationId());
            boolean wasDiscarded = discarded != null && entry.sequence() <= discarded;
            return !wasDiscarded && sent.getIfPresent(entry.message().messageId()) == null;
        });
    }

    @Override
    public int pending() {
        return pending.size();
    }
}
