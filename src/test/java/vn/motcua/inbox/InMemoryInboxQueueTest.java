package vn.motcua.inbox;

class InMemoryInboxQueueTest extends InboxQueueContract {

    @Override
    InboxQueue newQueue() {
        return new InMemoryInboxQueue();
    }
}
