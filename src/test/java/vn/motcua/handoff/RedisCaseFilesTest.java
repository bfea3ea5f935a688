package vn.motcua.handoff;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.redis.RedisScope;

class RedisCaseFilesTest extends CaseFilesContract {

    private final RedisScopes scopes = new RedisScopes();

    @AfterEach
    void close() {
        scopes.close();
    }

    @Override
    CaseFiles newFiles() {
        RedisScope s = scopes.next("files");
        return new RedisCaseFiles(s.template(), s.keys(), RedisScopes.SEALER, RedisScopes.PRIVACY);
    }
}
