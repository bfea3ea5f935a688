package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.motcua.campaign.SubscriberStore;
import vn.motcua.channel.webchat.WebChatProperties;
import vn.motcua.channel.webchat.WebChatSessionStore;
import vn.motcua.channel.zalo.ZaloProperties;
import vn.motcua.channel.zalo.ZaloRefreshLock;
import vn.motcua.channel.zalo.ZaloTokenStore;
import vn.motcua.conversation.ConversationLock;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.LockProperties;
import vn.motcua.inbox.DedupeStore;
import vn.motcua.inbox.InboxProperties;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisConfiguration;
import vn.motcua.redis.RedisStoreProperties;

/**
 * MOTCUA_STORE picks one adapter per port, and only {@code redis} makes a Redis client: each port below has exactly
 * one bean, {@code InMemory…} or {@code Redis…}. (The whole service without any store setting:
 * {@link MemoryStoreWithoutRedisTest}.)
 */
class StoreAdaptersTest {

    /** Each port and the simple name of its adapter without the store's prefix. */
    private static final Map<Class<?>, String> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put(ConversationStore.class, "ConversationStore");
        PORTS.put(ConversationLock.class, "ConversationLock");
        PORTS.put(DedupeStore.class, "DedupeStore");
        PORTS.put(ReachabilityStore.class, "ReachabilityStore");
        PORTS.put(FailedSendLog.class, "FailedSendLog");
        PORTS.put(SubscriberStore.class, "SubscriberStore");
        PORTS.put(WebChatSessionStore.class, "WebChatSessionStore");
        PORTS.put(ZaloTokenStore.class, "ZaloTokenStore");
        PORTS.put(ZaloRefreshLock.class, "ZaloRefreshLock");
    }

    private static final List<String> ADAPTERS = List.of(
            "conversation.%sConversationStore", "conversation.%sConversationLock", "inbox.%sDedupeStore",
            "outbox.%sReachabilityStore", "outbox.%sFailedSendLog", "campaign.%sSubscriberStore",
            "channel.webchat.%sWebChatSessionStore", "channel.zalo.%sZaloTokenStore", "channel.zalo.%sZaloRefreshLock");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PrivacyProperties.class, LockProperties.class, InboxProperties.class,
            WebChatProperties.class, ZaloProperties.class, RedisStoreProperties.class})
    static class Shared {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static ApplicationContextRunner runner() {
        List<Class<?>> classes = new java.util.ArrayList<>(List.of(Shared.class, RedisConfiguration.class,
                ServerSecret.class, TextSealer.class, PseudonymousIds.class));
        for (String store : List.of("InMemory", "Redis")) {
            for (String adapter : ADAPTERS) {
                classes.add(load("vn.motcua." + adapter.formatted(store)));
            }
        }
        return new ApplicationContextRunner()
                // As the application has it: durations in @Value settings ("P30D").
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(classes.toArray(Class<?>[]::new))
                // Zalo on, so that its token store and refresh lock are made too; nothing here connects anywhere.
                .withPropertyValues("motcua.secret=adapters-secret", "motcua.zalo.app-id=1",
                        "motcua.zalo.oa-secret-key=k", "motcua.redis.url=redis://127.0.0.1:1");
    }

    @ParameterizedTest(name = "MOTCUA_STORE={0}")
    @ValueSource(strings = {"memory", "redis"})
    void eachPortHasExactlyTheAdapterOfTheChosenStore(String store) {
        String prefix = store.equals("redis") ? "Redis" : "InMemory";
        runner().withPropertyValues("motcua.store=" + store).run(context -> {
            assertThat(context).hasNotFailed();
            PORTS.forEach((port, name) -> assertThat(context.getBean(port).getClass().getSimpleName())
                    .as("the %s for MOTCUA_STORE=%s", port.getSimpleName(), store).isEqualTo(prefix + name));
            assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).as("Redis connections")
                    .hasSize(store.equals("redis") ? 1 : 0);
        });
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
