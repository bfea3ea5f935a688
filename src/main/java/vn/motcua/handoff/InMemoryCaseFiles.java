package vn.motcua.handoff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/** Case files in process memory, forgotten a retention period after their last write, like the conversation. */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCaseFiles implements CaseFiles {

    private record File(List<Note> notes, SafeContact safeContact, Closure closure) {
    }

    private final Cache<String, File> files;

    /** {@code retention} is {@code motcua.retention}, read here so the handoff room needs no privacy room. */
    InMemoryCaseFiles(@Value("${motcua.retention:P30D}") Duration retention) {
        this.files = Caffeine.newBuilder().expireAfterWrite(retention.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    @Override
    public Mono<Void> addNote(Note note) {
        return Mono.fromRunnable(() -> files.asMap().compute(note.conversationId(), (id, f) -> {
            File file = f == null ? new File(List.of(), null, null) : f;
            List<Note> notes = new ArrayList<>(file.notes());
            notes.add(note);
            return new File(List.copyOf(notes), file.safeContact(), file.closure());
        }));
    }

    @Override
    public Mono<List<Note>> notes(String conversationId) {
        return Mono.fromSupplier(() -> {
            File file = files.getIfPresent(conversationId);
            return file == null ? List.of() : file.notes();
        });
    }

    @Override
    public Mono<Void> putSafeContact(SafeContact contact) {
        return Mono.fromRunnable(() -> files.asMap().compute(contact.conversationId(), (id, f) ->
                f == null ? new File(List.of(), contact, null) : new File(f.notes(), contact, f.closure())));
    }

    @Override
    public Mono<SafeContact> safeContact(String conversationId) {
        return Mono.fromSupplier(() -> {
            File file = files.getIfPresent(conversationId);
            return file == null ? null : file.safeContact();
        });
    }

    @Override
    public Mono<Void> putClosure(Closure closure) {
        return Mono.fromRunnable(() -> files.asMap().compute(closure.conversationId(), (id, f) ->
                f == null ? new File(List.of(), null, closure) : new File(f.notes(), f.safeContact(), closure)));
    }

    @Override
    public Mono<Closure> closure(String conversationId) {
        return Mono.fromSupplier(() -> {
            File file = files.getIfPresent(conversationId);
            return file == null ? null : file.closure();
        });
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> files.invalidate(conversationId));
    }
}
