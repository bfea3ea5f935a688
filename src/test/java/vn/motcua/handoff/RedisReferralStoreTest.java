package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisReferralStoreTest extends ReferralStoreContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    ReferralStore newStore() {
        RedisScope s = scopes.next("referrals");
        return new RedisReferralStore(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
    }
}
