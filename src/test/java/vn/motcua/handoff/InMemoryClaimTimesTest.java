package vn.motcua.handoff;

class InMemoryClaimTimesTest extends ClaimTimesContract {

    @Override
    ClaimTimes newTimes() {
        return new InMemoryClaimTimes();
    }
}
