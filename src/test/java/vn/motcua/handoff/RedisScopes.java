package vn.motcua.handoff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/** The Redis scopes a test opened (each its own prefix and connection), all closed at its end. */
final class RedisScopes implements AutoCloseable {

    static final PrivacyProperties PRIVACY = new PrivacyProperties("handoff-redis-test-secret", Duration.ofDays(30));
    static final TextSealer SEALER = new TextSealer(new ServerSecret(PRIVACY));

    private final List<RedisScope> open = new ArrayList<>();

    /** A new prefix of its own. */
    synchronized RedisScope next(String name) {
        RedisScope scope = RedisTestSupport.scope(name);
        open.add(scope);
        return scope;
    }

    /** Another connection on the same prefix as {@code scope}: another instance, or the same after a restart. */
    synchronized RedisScope sameKeys(RedisScope scope) {
        RedisScope other = RedisTestSupport.scope("unused");
        RedisScope same = new RedisScope(scope.prefix(), scope.keys(), other.factory(), other.template());
        open.add(same);
        return same;
    }

    @Override
    public synchronized void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
