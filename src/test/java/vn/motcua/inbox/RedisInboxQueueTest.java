package vn.motcua.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/** The inbox contract on a Redis Stream, each test under a prefix of its own. */
class RedisInboxQueueTest extends InboxQueueContract {

    static final ServerSecret SECRET = new ServerSecret(new PrivacyProperties("redis-inbox-secret", null));

    private final List<RedisScope> scopes = new ArrayList<>();

    @Override
    InboxQueue newQueue() {
        RedisScope scope = RedisTestSupport.scope("inbox");
        scopes.add(scope);
        return queue(scope);
    }

    static RedisInboxQueue queue(RedisScope scope) {
        return new RedisInboxQueue(scope.template(), scope.keys(), scope.properties(),
                new InboxProperties(Duration.ofHours(1), 4, 50, 3), new TextSealer(SECRET), new PseudonymousIds(SECRET));
    }

    @AfterEach
    void cleanUp() {
        scopes.forEach(RedisScope::close);
    }
}
