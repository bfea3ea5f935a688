package vn.motcua.handoff;

import java.time.Duration;

class InMemoryReferralStoreTest extends ReferralStoreContract {

    @Override
    ReferralStore newStore() {
        return new InMemoryReferralStore(Duration.ofDays(30));
    }
}
