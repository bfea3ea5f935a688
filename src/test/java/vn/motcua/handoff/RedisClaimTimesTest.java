package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisClaimTimesTest extends ClaimTimesContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    ClaimTimes newTimes() {
        RedisScope s = scopes.next("claim-times");
        return new RedisClaimTimes(s.template(), s.keys());
    }
}
