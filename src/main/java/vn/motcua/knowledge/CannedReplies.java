package vn.motcua.knowledge;

import java.util.List;

import reactor.core.publisher.Mono;

/** The caseworkers' canned replies, in Vietnamese, editable by staff ({@code intents/canned-replies.yml}). */
public interface CannedReplies {

    /** All of them, in the order staff wrote them. */
    Mono<List<CannedReply>> all();
}
