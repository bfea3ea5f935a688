package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

/**
 * {@code MOTCUA_STORE=redis} selects a Redis adapter for every port that has an in-memory one (found by scanning the
 * service's classes, so a port added later without a Redis adapter fails here), and the service then answers a web
 * chat message with everything it keeps in Redis under its prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motcua.secret=store-start")
class RedisStoreStartTest {

    private static final RedisScope SCOPE = RedisTestSupport.scope("StoreStart");

    @DynamicPropertySource
    static void onRedis(DynamicPropertyRegistry registry) {
        RedisTestSupport.register(registry, SCOPE.prefix());
    }

    @AfterAll
    static void removeTheKeys() {
        SCOPE.close();
    }

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void everyPortWithAnInMemoryAdapterGetsItsRedisAdapterAndAWebChatTurnIsKeptInRedis() {
        List<JavaClass> inMemory = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motcua").stream()
                .filter(c -> c.getSimpleName().startsWith("InMemory") && !c.isInterface()).toList();
        assertThat(inMemory).hasSizeGreaterThan(15);

        List<String> notOnRedis = new ArrayList<>();
        for (JavaClass adapter : inMemory) {
            for (Class<?> port : Arrays.stream(adapter.reflect().getInterfaces())
                    // Ports only: a nested listener interface (WebChatSessionStore.Ended) is not a store.
                    .filter(i -> i.getPackageName().startsWith("vn.motcua") && i.getEnclosingClass() == null)
                    .toList()) {
                Map<String, ?> beans = context.getBeansOfType(port);
                beans.values().stream().map(bean -> bean.getClass().getSimpleName())
                        .filter(name -> !name.startsWith("Redis"))
                        .forEach(name -> notOnRedis.add(port.getSimpleName() + " → " + name));
                // A channel's ports exist only while it is switched on (Zalo is off here); its Redis adapters have
                // their own contract tests.
                if (beans.isEmpty() && !port.getPackageName().startsWith("vn.motcua.channel.")) {
                    notOnRedis.add(port.getSimpleName() + " → no bean");
                }
            }
        }
        assertThat(notOnRedis).as("ports not served by a Redis adapter with MOTCUA_STORE=redis").isEmpty();

        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String session = (String) web.post().uri("/webchat/sessions").exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("session");
        web.post().uri("/webchat/messages").bodyValue(Map.of("session", session, "text", "chao ban"))
                .exchange().expectStatus().isAccepted();

        // The turn runs after the 202, from the inbox stream: its conversation appears when it is saved.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SCOPE.allKeys())
                .as("what the session and the turn left in Redis")
                .anyMatch(k -> k.startsWith(SCOPE.prefix() + "conversation:{conv:"))
                .anyMatch(k -> k.startsWith(SCOPE.prefix() + "webchat-session:")));
    }
}
