package vn.motcua.handoff;

import java.time.Instant;
import java.util.List;

/**
 * How a caseworker closed a conversation.
 *
 * @param sealedOutcome the outcome as they wrote it, encrypted at rest
 * @param referralIds   the referrals the case ended with
 */
public record Closure(String conversationId, String sealedOutcome, List<String> referralIds, String by, Instant at) {

    public Closure {
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }

    @Override
    public String toString() {
        return "Closure[" + by + ", " + referralIds.size() + " referrals]";
    }
}
