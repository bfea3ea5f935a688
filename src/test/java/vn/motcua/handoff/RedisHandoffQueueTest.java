package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisHandoffQueueTest extends HandoffQueueContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    HandoffQueue newQueue() {
        RedisScope s = scopes.next("queue");
        return new RedisHandoffQueue(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
    }
}
