package vn.motcua.handoff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;

/**
 * Case files in process memory, forgotten a retention period after their last write, like the conversation; once
 * closed, a file holds only the closure and is kept for the case period.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCaseFiles implements CaseFiles {

    private record File(List<Note> notes, SafeContact safeContact, Closure closure) {
    }

    private final Cache<String, File> files;

    @Autowired
    InMemoryCaseFiles(PrivacyProperties properties) {
        this(properties.retention(), properties.caseRetention());
    }

    InMemoryCaseFiles(Duration retention) {
        this(retention, retention);
    }

    InMemoryCaseFiles(Duration retention, Duration caseRetention) {
        this.files = Caffeine.newBuilder().expireAfter(Expiry.<String, File>writing((id, f) ->
                f.closure() != null ? caseRetention : retention)).build();
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
        // A closed case keeps only its outcome: the notes and the safe contact go.
        return Mono.fromRunnable(() -> files.put(closure.conversationId(), new File(List.of(), null, closure)));
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
