package vn.motcua.outbox;

class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Outbox newOutbox() {
        return new InMemoryOutbox();
    }
}
