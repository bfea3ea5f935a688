package vn.motcua.handoff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The audit log in process memory: the last {@value #KEPT} entries. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryAuditLog implements AuditLog {

    static final int KEPT = 100_000;

    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                entries.addLast(entry);
                while (entries.size() > KEPT) {
                    entries.removeFirst();
                }
            }
        });
    }

    @Override
    public Mono<List<AuditEntry>> of(String conversationId) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                return entries.stream().filter(e -> conversationId.equals(e.conversationId())).toList();
            }
        });
    }

    @Override
    public Mono<List<AuditEntry>> recent(int limit) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                List<AuditEntry> newest = new ArrayList<>();
                var it = entries.descendingIterator();
                while (it.hasNext() && newest.size() < limit) {
                    newest.add(it.next());
                }
                return newest;
            }
        });
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                List<AuditEntry> kept = entries.stream().map(e -> conversationId.equals(e.conversationId())
                        ? new AuditEntry(e.at(), e.actor(), e.action(), null, e.detail()) : e).toList();
                entries.clear();
                entries.addAll(kept);
            }
        });
    }
}
