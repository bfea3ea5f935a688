package vn.motcua.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class RedisConversationStoreTest extends ConversationStoreContract {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisScope redis = RedisTestSupport.scope("conversation-store");
    private final RedisConversationStore store = newStore("store-secret");

    @Override
    ConversationStore store() {
        return store;
    }

    @AfterEach
    void removeKeys() {
        redis.close();
    }

    /** A store as one instance of the service makes it at start-up, with this MOTCUA_SECRET. */
    private RedisConversationStore newStore(String secret) {
        PrivacyProperties privacy = new PrivacyProperties(secret, RETENTION);
        return new RedisConversationStore(redis.template(), redis.keys(), new TextSealer(new ServerSecret(privacy)),
                privacy);
    }

    @Test
    void aConversationSurvivesARestartInTheStateItHadAndNothingInItIsReadableInRedis() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-01T08:30:00.123456Z");
        Conversation withHuman = Conversation.start(id, Channel.ZALO, "sealed-reply-address", at)
                .withTurn(new Turn(Speaker.PERSON, "sealed-text", "violence_report", at))
                .withTurn(Turn.outgoing(Speaker.BOT, "sealed-answer", "violence_report", at.plusSeconds(1), "out-1"))
                .withDelivery("out-1", false, "zalo -230: not interacted")
                .withPlace("Gò Vấp")
                .withOffered(List.of(new QuickReplyOption("Gặp người hỗ trợ", "HANDOFF")))
                .withMisunderstandings(2)
                .escalated(Priority.CRITICAL, at)
                .claimedBy("lan")
                .withOffDutyTold(at);
        store.save(withHuman).block(WAIT);

        Conversation afterRestart = newStore("store-secret").find(id).block(WAIT);
        assertThat(afterRestart).as("the whole conversation, read by a new instance").isEqualTo(withHuman);
        assertThat(afterRestart.state()).isEqualTo(ConversationState.WITH_HUMAN);
        assertThat(afterRestart.assignee()).isEqualTo("lan");

        String key = redis.prefix() + "conversation:{conv:" + id + "}";
        assertThat(redis.allKeys()).containsExactly(key);
        String raw = redis.template().opsForValue().get(key).block(WAIT);
        assertThat(raw).doesNotContain("sealed-reply-address", "sealed-text", "Gò Vấp", "G\\u00f2", "violence_report",
                "lan", "HANDOFF", "WITH_HUMAN", "zalo -230");
        assertThat(newStore("another-secret").find(id).blockOptional(WAIT))
                .as("without the server secret it cannot be opened: the person is answered afresh").isEmpty();
    }

    @Test
    void theKeyExpiresARetentionPeriodAfterTheLastSave() {
        String id = UUID.randomUUID().toString();
        String key = redis.keys().conversation("conversation", id);
        Conversation conversation = Conversation.start(id, Channel.MESSENGER, null, Instant.now());
        store.save(conversation).block(WAIT);
        assertThat(ttl(key)).isBetween(RETENTION.minusMinutes(1), RETENTION);

        // As if the retention period had nearly run out: the next save starts it again.
        redis.template().expire(key, Duration.ofSeconds(5)).block(WAIT);
        store.save(conversation.withTurn(new Turn(Speaker.PERSON, "sealed", null, Instant.now()))).block(WAIT);
        assertThat(ttl(key)).isBetween(RETENTION.minusMinutes(1), RETENTION);

        store.delete(id).block(WAIT);
        assertThat(redis.allKeys()).as("an erasure leaves nothing").isEmpty();
    }

    private Duration ttl(String key) {
        return redis.template().getExpire(key).block(WAIT);
    }
}
