package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import reactor.core.Disposable;
import reactor.test.StepVerifier;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisConfiguration;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisStoreProperties;
import vn.motcua.redis.RedisTestSupport;

class RedisWebChatRelayTest extends WebChatRelayContract {

    private static final ServerSecret SECRET = new ServerSecret(new PrivacyProperties("webchat-relay-test", null));

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private RedisScope scope() {
        RedisScope scope = RedisTestSupport.scope("webchat");
        open.add(scope);
        return scope;
    }

    /** Another instance on the same Redis and prefix: its own connection, its own adapter. */
    private RedisWebChatRelay relay(RedisScope keysOf) {
        RedisScope connection = RedisTestSupport.scope("unused");
        RedisWebChatRelay relay = new RedisWebChatRelay(connection.template(), connection.factory(), keysOf.keys(),
                new TextSealer(SECRET), new PseudonymousIds(SECRET), properties());
        open.add(() -> {
            relay.stop();
            connection.factory().destroy();
        });
        return relay;
    }

    @Override
    WebChatRelay newRelay() {
        return relay(scope());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RedisStoreProperties.class, PrivacyProperties.class, WebChatProperties.class})
    @Import({RedisConfiguration.class, ServerSecret.class, TextSealer.class, PseudonymousIds.class,
            InMemoryWebChatRelay.class, RedisWebChatRelay.class})
    static class Wiring {
    }

    @Test
    void theStoreSettingPicksTheRelay() {
        RedisScope scope = scope();
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class);
        runner.withPropertyValues(RedisTestSupport.properties(scope.prefix()).toArray(String[]::new))
                .run(context -> assertThat(context).getBean(WebChatRelay.class).isInstanceOf(RedisWebChatRelay.class));
        runner.run(context -> assertThat(context).getBean(WebChatRelay.class).isInstanceOf(InMemoryWebChatRelay.class));
    }

    @Test
    void aCaseworkersReplySentThroughOneInstanceReachesThePageListeningOnAnother() {
        RedisScope scope = scope();
        RedisWebChatRelay pageSide = relay(scope);
        RedisWebChatRelay replySide = relay(scope);
        String session = SessionIds.next();
        pageSide.keep(session).block(WAIT);
        // Written before the page listens (the reply raced the page's GET /webchat/stream): kept for it.
        assertThat(replySide.publish(session, bot("Chào bạn")).block(WAIT)).isTrue();

        StepVerifier.create(pageSide.listen(session))
                .assertNext(e -> assertThat(e.text()).isEqualTo("Chào bạn"))
                .then(() -> replySide.publish(session, new WebChatEvent(WebChatEvent.CASEWORKER,
                        "Mình là Lan, nhân viên hỗ trợ.", List.of(new WebChatEvent.Button("Gọi 111", "tel:111", true))))
                        .block(WAIT))
                .assertNext(e -> {
                    assertThat(e.from()).isEqualTo(WebChatEvent.CASEWORKER);
                    assertThat(e.text()).isEqualTo("Mình là Lan, nhân viên hỗ trợ.");
                    assertThat(e.quickReplies()).containsExactly(new WebChatEvent.Button("Gọi 111", "tel:111", true));
                })
                // Erased through the other instance: the page's stream ends there too.
                .then(() -> replySide.close(session).block(WAIT))
                .expectComplete()
                .verify(WAIT);
        assertThat(pageSide.publish(session, bot("after")).block(WAIT)).isFalse();
    }

    @Test
    void manyRepliesFromAnotherInstanceReachThePageOnceEachAndInOrder() {
        RedisScope scope = scope();
        RedisWebChatRelay pageSide = relay(scope);
        RedisWebChatRelay replySide = relay(scope);
        String session = SessionIds.next();
        pageSide.keep(session).block(WAIT);
        int replies = 300;
        List<String> heard = new CopyOnWriteArrayList<>();
        Disposable listening = pageSide.listen(session).subscribe(e -> heard.add(e.text()));
        // The page is listening once the first reply, published before it subscribed or after, has arrived.
        assertThat(replySide.publish(session, bot("0")).block(WAIT)).isTrue();
        Awaitility.await().atMost(WAIT).until(() -> heard.size() == 1);

        long start = System.nanoTime();
        for (int i = 1; i < replies; i++) {
            // Half the buffer ahead of the page at most, so that a slow machine does not fill it (a full buffer
            // refuses, as the contract says): what is measured is the way across, not the page's reading speed.
            int sent = i;
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(WAIT)
                    .until(() -> sent - heard.size() < WebChatRelay.BUFFER / 2);
            assertThat(replySide.publish(session, bot(Integer.toString(i))).block(WAIT)).isTrue();
        }
        Awaitility.await().atMost(WAIT).until(() -> heard.size() >= replies);
        long millis = (System.nanoTime() - start) / 1_000_000;
        listening.dispose();

        assertThat(heard).containsExactlyElementsOf(java.util.stream.IntStream.range(0, replies)
                .mapToObj(Integer::toString).toList());
        System.out.printf("web chat relay: %d replies sent one after another by one instance reached the page on "
                + "another in %d ms%n", replies - 1, millis);
    }

    @Test
    void neitherTheKeysNorTheChannelNorWhatTravelsShowTheSessionIdOrTheText() {
        RedisScope scope = scope();
        RedisWebChatRelay pageSide = relay(scope);
        RedisWebChatRelay replySide = relay(scope);
        String session = SessionIds.next();
        String text = "Anh ta đang ở nhà, tôi sợ lắm";
        // Everything published under this prefix, seen by a third connection.
        List<String> seen = new CopyOnWriteArrayList<>();
        ReactiveRedisMessageListenerContainer spy = new ReactiveRedisMessageListenerContainer(scope.factory());
        Disposable spying = spy.receiveLater(new PatternTopic(scope.prefix() + "*")).block(WAIT)
                .subscribe(m -> seen.add(m.getChannel() + " " + m.getMessage()));

        pageSide.keep(session).block(WAIT);
        replySide.publish(session, bot(text)).block(WAIT);
        replySide.publish(session, bot(text)).block(WAIT);
        List<String> stored = new ArrayList<>();
        for (String key : scope.allKeys()) {
            stored.add(key);
            if (key.contains(":mailbox:")) {
                stored.addAll(scope.template().opsForList().range(key, 0, -1).collectList().block(WAIT));
            }
        }
        StepVerifier.create(pageSide.listen(session).take(2)).expectNextCount(2).verifyComplete();
        replySide.publish(session, bot(text)).block(WAIT);
        replySide.close(session).block(WAIT);

        Awaitility.await().atMost(WAIT).until(() -> seen.stream().anyMatch(m -> m.contains(" c[")));
        assertThat(stored).as("keys and values").hasSizeGreaterThanOrEqualTo(4)
                .noneMatch(s -> s.contains(session) || s.contains("sợ") || s.contains("Anh ta"));
        assertThat(seen).as("channels and payloads").isNotEmpty()
                .noneMatch(s -> s.contains(session) || s.contains("sợ") || s.contains("Anh ta"));
        assertThat(scope.allKeys()).as("nothing left after the close").isEmpty();
        spying.dispose();
        spy.destroy();
    }
}
