package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisAuditLogTest extends AuditLogContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    AuditLog newLog() {
        RedisScope s = scopes.next("audit");
        return new RedisAuditLog(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
    }
}
