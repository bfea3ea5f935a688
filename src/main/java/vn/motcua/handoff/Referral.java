package vn.motcua.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A referral of the person to a service of the directory (police, legal aid, health, psychosocial support, social
 * services, shelter, a one-stop point), tracked through its {@link ReferralStatus statuses}.
 *
 * @param serviceId  the directory entry's id ({@code directory-data/})
 * @param sealedNote the caseworker's note on it, encrypted at rest; null if none
 * @param history    every status it went through, who moved it and when, oldest first
 */
public record Referral(String id, String conversationId, String serviceId, ReferralStatus status, String sealedNote,
                       List<Step> history) {

    /** One step of the referral's course. */
    public record Step(ReferralStatus status, String by, Instant at) {
    }

    public Referral {
        history = List.copyOf(history);
    }

    public static Referral proposed(String id, String conversationId, String serviceId, String sealedNote, String by,
                                    Instant at) {
        return new Referral(id, conversationId, serviceId, ReferralStatus.PROPOSED, sealedNote,
                List.of(new Step(ReferralStatus.PROPOSED, by, at)));
    }

    /** The referral moved on; {@code sealedNote} replaces the note when not null. */
    public Referral movedTo(ReferralStatus next, String by, Instant at, String sealedNote) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("A referral cannot go from " + status + " to " + next);
        }
        List<Step> steps = new ArrayList<>(history);
        steps.add(new Step(next, by, at));
        return new Referral(id, conversationId, serviceId, next, sealedNote != null ? sealedNote : this.sealedNote,
                steps);
    }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + serviceId + ", " + status + "]";
    }
}
