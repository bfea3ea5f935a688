package vn.motcua.handoff;

import java.util.EnumSet;
import java.util.Set;

/** A referral's course (DESIGN §5): PROPOSED → AGREED → MADE → COMPLETED, or DECLINED at any step before COMPLETED. */
public enum ReferralStatus {
    PROPOSED, AGREED, MADE, COMPLETED, DECLINED;

    /** The statuses this one may move to. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(AGREED, DECLINED);
            case AGREED -> EnumSet.of(MADE, DECLINED);
            case MADE -> EnumSet.of(COMPLETED, DECLINED);
            case COMPLETED, DECLINED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus to) {
        return next().contains(to);
    }
}
