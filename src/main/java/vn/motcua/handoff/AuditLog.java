package vn.motcua.handoff;

import java.util.List;

import reactor.core.publisher.Mono;

/** Every caseworker action, for accountability: who did what, when, to which conversation; never what was said. */
public interface AuditLog {

    Mono<Void> record(AuditEntry entry);

    /** One conversation's entries, oldest first. */
    Mono<List<AuditEntry>> of(String conversationId);

    /** The most recent entries, newest first. */
    Mono<List<AuditEntry>> recent(int limit);

    /** After an erasure: the entries stay (who did what, when) but no longer name the conversation. */
    Mono<Void> forget(String conversationId);
}
