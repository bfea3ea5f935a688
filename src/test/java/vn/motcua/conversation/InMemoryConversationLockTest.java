package vn.motcua.conversation;

import java.time.Duration;

class InMemoryConversationLockTest extends ConversationLockContract {

    @Override
    protected ConversationLock lock(Duration ttl, Duration maxWait) {
        return new InMemoryConversationLock(new LockProperties(ttl, maxWait));
    }
}
