package vn.motcua.handoff;

import java.time.Duration;

class InMemoryCaseIndexTest extends CaseIndexContract {

    @Override
    CaseIndex newIndex() {
        return new InMemoryCaseIndex(Duration.ofDays(30));
    }
}
