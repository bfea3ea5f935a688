package vn.motcua.handoff;

class InMemoryHandoffEventsTest extends HandoffEventsContract {

    @Override
    HandoffEvents newEvents() {
        return new InMemoryHandoffEvents();
    }
}
