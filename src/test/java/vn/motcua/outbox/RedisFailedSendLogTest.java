package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import vn.motcua.message.Channel;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisFailedSendLogTest extends FailedSendLogContract {

    private static final Duration RETENTION = Duration.ofDays(30);

    private final RedisScope redis = RedisTestSupport.scope("failed-sends");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisFailedSendLog log = newLog();

    @Override
    FailedSendLog log() {
        return log;
    }

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    private RedisFailedSendLog newLog() {
        return new RedisFailedSendLog(redis.template(), redis.keys(), new PrivacyProperties("s", RETENTION), meters);
    }

    @Test
    void onlyTheLatestFailuresAreKeptButEveryOneIsCountedAndTheySurviveARestart() {
        String conversation = UUID.randomUUID().toString();
        Flux.range(0, RedisFailedSendLog.CAPACITY + 5)
                .concatMap(i -> log.record(failure(conversation, SendError.Kind.UNREACHABLE)))
                .blockLast(Duration.ofSeconds(60));
        FailedSend last = failure(conversation, SendError.Kind.TEMPORARY);
        log.record(last).block();

        RedisFailedSendLog restarted = newLog();
        assertThat(restarted.recent().collectList().block()).hasSize(RedisFailedSendLog.CAPACITY).endsWith(last);
        assertThat(restarted.forConversation(conversation).collectList().block())
                .hasSize(RedisFailedSendLog.CAPACITY).endsWith(last);
        assertThat(meters.get("motcua.send.failed").tag("kind", "UNREACHABLE").counter().count())
                .isEqualTo(RedisFailedSendLog.CAPACITY + 5);
        assertThat(redis.allKeys()).allSatisfy(key -> assertThat(redis.template().getExpire(key).block())
                .isBetween(RETENTION.minusMinutes(1), RETENTION));
    }

    @Test
    void aFailureOlderThanTheRetentionPeriodIsNeitherShownNorKept() {
        String conversation = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FailedSend old = new FailedSend(Channel.ZALO, conversation, "old", SendError.Kind.PERMANENT, 1, 0, "old",
                1, now.minus(RETENTION).minusSeconds(60));
        FailedSend recent = new FailedSend(Channel.ZALO, conversation, "recent", SendError.Kind.PERMANENT, 1, 0,
                "recent", 1, now);
        log.record(old).block();
        StepVerifier.create(log.forConversation(conversation)).as("shown to nobody").verifyComplete();

        log.record(recent).block();
        StepVerifier.create(log.forConversation(conversation)).expectNext(recent).verifyComplete();
        assertThat(redis.template().opsForList().size(redis.keys().key("failed-sends")).block())
                .as("dropped from Redis at the next write").isEqualTo(1);
    }
}
