package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisCaseIndexTest extends CaseIndexContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    CaseIndex newIndex() {
        RedisScope s = scopes.next("index");
        return new RedisCaseIndex(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
    }
}
