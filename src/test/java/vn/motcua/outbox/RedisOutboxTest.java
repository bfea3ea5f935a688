package vn.motcua.outbox;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/** The outbox contract on a Redis Stream, each test under a prefix of its own. */
class RedisOutboxTest extends OutboxContract {

    static final TextSealer SEALER = new TextSealer(new ServerSecret(new PrivacyProperties("redis-outbox-secret", null)));

    private RedisScope scope;

    @Override
    protected Outbox newOutbox() {
        scope = RedisTestSupport.scope("outbox");
        return outbox(scope);
    }

    static RedisOutbox outbox(RedisScope scope) {
        return new RedisOutbox(scope.template(), scope.keys(), scope.properties(), SEALER);
    }

    @AfterEach
    void cleanUp() {
        scope.close();
    }
}
