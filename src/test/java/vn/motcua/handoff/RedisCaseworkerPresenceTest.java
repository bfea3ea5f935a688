package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisCaseworkerPresenceTest extends CaseworkerPresenceContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    CaseworkerPresence newPresence() {
        RedisScope s = scopes.next("presence");
        return new RedisCaseworkerPresence(s.template(), s.keys());
    }
}
