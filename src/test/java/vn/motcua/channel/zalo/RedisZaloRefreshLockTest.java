package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisZaloRefreshLockTest extends ZaloRefreshLockContract {

    private final RedisScope redis = RedisTestSupport.scope("zalo-refresh-lock");

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    @Override
    ZaloRefreshLock newLock() {
        return new RedisZaloRefreshLock(redis.template(), redis.keys(), new ZaloProperties("360846524940903967", null,
                "oa-secret", "app-secret", null, null, null, null, 0, null, 0, 0, null, null, Duration.ofSeconds(5),
                null, null));
    }

    @Override
    ZaloRefreshLock anotherInstanceSharing(ZaloRefreshLock lock) {
        return newLock();
    }

    @Test
    void theLockIsHeldOnlyWhileARefreshRunsAndALockHeldElsewhereIsWaitedForNotRefreshedOver() {
        String key = redis.prefix() + "zalo:refresh-lock";
        ZaloTokens fresh = new ZaloTokens("a", "r", Instant.parse("2030-01-01T00:00:00Z"));
        Mono<ZaloTokens> checkedRefresh = redis.template().opsForValue().get(key)
                .map(token -> {
                    assertThat(token).as("held, with an owner token, while the refresh runs").isNotBlank();
                    return fresh;
                });
        StepVerifier.create(newLock().exclusive(checkedRefresh, Mono.empty())).expectNext(fresh).verifyComplete();
        assertThat(redis.template().hasKey(key).block()).as("freed once the refresh is over").isFalse();

        // Another instance holds the lock (and dies): a caller here does not refresh, it reads the pair once it is free.
        redis.template().opsForValue().set(key, "someone-else", Duration.ofMillis(500)).block();
        StepVerifier.create(newLock().exclusive(Mono.error(new AssertionError("refreshed twice")),
                        Mono.just(fresh)))
                .expectNext(fresh)
                .verifyComplete();
    }
}
