package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;

import vn.motcua.conversation.ConversationStore;

/**
 * The whole service with the default store on a laptop without Redis: it starts, and it has no Redis connection
 * factory or template (nothing would try to reach the Redis that {@code REDIS_URL} names, here a closed port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "motcua.secret=memory-store-secret", "motcua.redis.url=redis://127.0.0.1:1"})
class MemoryStoreWithoutRedisTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theServiceStartsOnTheMemoryStoreWithNoRedisBeans() {
        assertThat(context.getBean(ConversationStore.class).getClass().getSimpleName())
                .isEqualTo("InMemoryConversationStore");
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ReactiveRedisTemplate.class)).isEmpty();
    }
}
