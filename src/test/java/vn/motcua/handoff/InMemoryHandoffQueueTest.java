package vn.motcua.handoff;

class InMemoryHandoffQueueTest extends HandoffQueueContract {

    @Override
    HandoffQueue newQueue() {
        return new InMemoryHandoffQueue();
    }
}
