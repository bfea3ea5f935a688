package vn.motcua;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * {@link ErasureEverywhereTest} on Redis: the same conversation and the same checks, with every store on Redis under a prefix of its
 * own (StoreContents then reads every key under it). Only the properties differ.
 */
class RedisErasureEverywhereTest extends ErasureEverywhereTest {

    private static final RedisScope SCOPE = RedisTestSupport.scope("ErasureEverywhereTest");

    @DynamicPropertySource
    static void onRedis(DynamicPropertyRegistry registry) {
        RedisTestSupport.register(registry, SCOPE.prefix());
    }

    @AfterAll
    static void removeTheKeys() {
        SCOPE.close();
    }
}
