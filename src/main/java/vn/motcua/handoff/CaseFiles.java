package vn.motcua.handoff;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * What caseworkers write about a conversation besides their messages: internal notes, the safe-contact note and how
 * it was closed. Kept as long as the conversation, erased with it. Callers hold the conversation's lock.
 */
public interface CaseFiles {

    Mono<Void> addNote(Note note);

    /** Oldest first. */
    Mono<List<Note>> notes(String conversationId);

    /** Replaces the safe-contact note. */
    Mono<Void> putSafeContact(SafeContact contact);

    /** Empty when none was written. */
    Mono<SafeContact> safeContact(String conversationId);

    /**
     * Replaces the closure record (a conversation can be reopened and closed again). A closed case keeps only its
     * outcome and referrals: this drops the notes and the safe contact, and the file is then kept for the case
     * period ({@code MOTCUA_CASE_RETENTION}) instead of the conversation's.
     */
    Mono<Void> putClosure(Closure closure);

    Mono<Closure> closure(String conversationId);

    /** Erases everything written about the conversation. */
    Mono<Void> forget(String conversationId);
}
