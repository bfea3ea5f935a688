package vn.motcua.handoff;

class InMemoryCaseworkerPresenceTest extends CaseworkerPresenceContract {

    @Override
    CaseworkerPresence newPresence() {
        return new InMemoryCaseworkerPresence();
    }
}
