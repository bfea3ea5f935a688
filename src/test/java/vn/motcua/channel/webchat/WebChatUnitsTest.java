package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;


/** The web chat's small parts: ids, the token bucket, the settings (the stream buffer: WebChatRelayContract). */
class WebChatUnitsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void sessionIdsCarry192RandomBitsInUrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = SessionIds.next();
            assertThat(id).matches("[A-Za-z0-9_-]{32}");
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(SessionIds.wellFormed("../../etc/passwd")).isFalse();
        assertThat(SessionIds.wellFormed(null)).isFalse();
    }

    @Test
    void aTokenBucketLetsABurstThroughThenOnePerRefillInterval() {
        TokenBucket bucket = new TokenBucket(10, 10 * SECOND, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND)).isZero();
        assertThat(bucket.tryTake(SECOND)).isPositive();
        // A long pause refills the bucket only up to its size.
        long later = 1000 * SECOND;
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake(later)).isZero();
        }
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void theRateLimiterSaysHowLongToWaitPerSession() {
        AtomicLong now = new AtomicLong();
        MessageRateLimiter limiter = new MessageRateLimiter(properties(Duration.ofMinutes(30)), now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("b")).isZero();
        now.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("a")).isZero();
    }

    @Test
    void settingsHaveSafeDefaultsAndRefuseAddressesThatWouldBreakTheQuickExit() {
        WebChatProperties defaults = new WebChatProperties(null, null, 0, 0, null, null, 0, null, 0, null, 0, null);
        assertThat(defaults.exitUrl()).isEqualTo("https://www.nchmf.gov.vn");
        assertThat(defaults.allowedOrigins()).isEmpty();
        assertThat(defaults.maxTextChars()).isEqualTo(2000);
        assertThat(defaults.rateLimit()).isEqualTo(10);
        assertThat(defaults.ratePeriod()).isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> withExit("javascript:alert(1)")).hasMessageContaining("MOTCUA_WEBCHAT_EXIT_URL");
        assertThatThrownBy(() -> withExit("/weather")).hasMessageContaining("MOTCUA_WEBCHAT_EXIT_URL");
        assertThatThrownBy(() -> withOrigins(List.of("https://partner.example/chat")))
                .hasMessageContaining("MOTCUA_WEBCHAT_ALLOWED_ORIGINS");
        assertThatThrownBy(() -> withOrigins(List.of("*"))).hasMessageContaining("MOTCUA_WEBCHAT_ALLOWED_ORIGINS");
        assertThat(withOrigins(List.of(" https://a.example ", "", "http://b.example:8080")).allowedOrigins())
                .containsExactly("https://a.example", "http://b.example:8080");
    }

    private static WebChatProperties properties(Duration idle) {
        return new WebChatProperties(null, null, 0, 10, Duration.ofSeconds(10), idle, 0, null, 0, null, 0, null);
    }

    private static WebChatProperties withExit(String url) {
        return new WebChatProperties(url, null, 0, 0, null, null, 0, null, 0, null, 0, null);
    }

    private static WebChatProperties withOrigins(List<String> origins) {
        return new WebChatProperties(null, origins, 0, 0, null, null, 0, null, 0, null, 0, null);
    }
}
