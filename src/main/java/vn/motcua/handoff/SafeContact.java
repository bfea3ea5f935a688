package vn.motcua.handoff;

import java.time.Instant;

/**
 * When it is safe to write to the person, and whether they allow a call, as the caseworker noted it.
 *
 * @param sealedWhen "sau 20 giờ", "chỉ buổi sáng", encrypted at rest
 */
public record SafeContact(String conversationId, String sealedWhen, boolean callAllowed, String by, Instant at) {

    @Override
    public String toString() {
        return "SafeContact[" + by + "]";
    }
}
