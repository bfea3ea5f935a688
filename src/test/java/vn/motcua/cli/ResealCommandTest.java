package vn.motcua.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.StreamRecords;

import vn.motcua.privacy.DataKeys;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisScope;
import vn.motcua.redis.RedisTestSupport;

class ResealCommandTest {

    private static final String SECRET = "a-server-secret-of-at-least-32-characters";
    private static final String OLD = "old:" + Base64.getEncoder().encodeToString(filled(7));
    private static final String NEW = "new:" + Base64.getEncoder().encodeToString(filled(9));

    private static byte[] filled(int b) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) b);
        return key;
    }

    private static TextSealer sealer(String dataKey) {
        return new TextSealer(DataKeys.parse(dataKey, new ServerSecret(new PrivacyProperties(SECRET, null))));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ResealCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theMemoryStoreHasNothingToReseal() {
        Run run = run(Map.of(), "reseal");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("nothing to re-seal");
    }

    @Test
    void onRedisEverySealedStringHashFieldAndListElementIsSealedAgainUnderTheNewKeyKeepingItsTtl() {
        TextSealer old = sealer(OLD);
        try (RedisScope scope = RedisTestSupport.scope("reseal")) {
            var redis = scope.template();
            String conversation = scope.keys().conversation("conversation", "c1");
            String json = "{\"id\":\"c1\",\"turns\":[{\"sealedText\":\"" + old.seal("chồng tôi đánh tôi") + "\"}]}";
            redis.opsForValue().set(conversation, json, Duration.ofHours(1)).block();
            String address = scope.keys().conversation("address", "c1");
            redis.opsForValue().set(address, old.seal("messenger|id|1234567890")).block();
            String notes = scope.keys().conversation("notes", "c1");
            redis.opsForHash().put(notes, "n1", old.seal("gọi sau 20 giờ")).block();
            redis.opsForHash().put(notes, "count", "1").block();
            redis.expire(notes, Duration.ofHours(2)).block();
            String list = scope.keys().key("failed", "c1");
            redis.opsForList().rightPushAll(list, old.seal("một"), "not sealed").block();
            String plain = scope.keys().key("plain");
            redis.opsForValue().set(plain, "nothing personal").block();
            String stream = scope.keys().key("inbox");
            redis.opsForStream().add(StreamRecords.string(Map.of("event", old.seal("cứu tôi"))).withStreamKey(stream))
                    .block();

            Map<String, String> env = new HashMap<>(Map.of("MOTCUA_STORE", "redis", "MOTCUA_SECRET", SECRET,
                    "MOTCUA_DATA_KEY", NEW + "," + OLD, "REDIS_URL", RedisTestSupport.url(),
                    "MOTCUA_REDIS_PREFIX", scope.prefix()));
            Run check = run(env, "reseal", "--check");
            assertThat(check.out()).contains("to re-seal: 4");
            assertThat(redis.opsForValue().get(address).block()).as("--check writes nothing").startsWith("mc1:old:");

            Run run = run(env, "reseal");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("keys scanned: 6", "re-sealed: 4",
                    "under an old key in stream entries (gone once handled; keep the old key until 0): 1")
                    .doesNotContain(scope.prefix()).doesNotContain("mc1:");

            TextSealer onlyNew = sealer(NEW);
            String rewritten = redis.opsForValue().get(conversation).block();
            assertThat(rewritten).doesNotContain("mc1:old:").startsWith("{\"id\":\"c1\",\"turns\":[{\"sealedText\":\"mc1:new:");
            String sealedText = rewritten.substring(rewritten.indexOf("mc1:"), rewritten.lastIndexOf('"'));
            assertThat(onlyNew.open(sealedText)).isEqualTo("chồng tôi đánh tôi");
            assertThat(onlyNew.open(redis.opsForValue().get(address).block())).isEqualTo("messenger|id|1234567890");
            assertThat(onlyNew.open((String) redis.opsForHash().get(notes, "n1").block())).isEqualTo("gọi sau 20 giờ");
            assertThat(redis.opsForHash().get(notes, "count").block()).isEqualTo("1");
            assertThat(onlyNew.open(redis.opsForList().index(list, 0).block())).isEqualTo("một");
            assertThat(redis.opsForList().index(list, 1).block()).isEqualTo("not sealed");
            assertThat(redis.opsForValue().get(plain).block()).isEqualTo("nothing personal");
            assertThat(redis.getExpire(conversation).block()).as("TTL kept").isGreaterThan(Duration.ofMinutes(59));
            assertThat(redis.getExpire(notes).block()).as("TTL kept").isGreaterThan(Duration.ofMinutes(119));
            assertThat(redis.getExpire(address).block()).as("no TTL stays none").isIn(Duration.ZERO, Duration.ofSeconds(-1));

            Run again = run(env, "reseal");
            assertThat(again.out()).contains("re-sealed: 0", "already under the current key: 4");
        }
    }

    @Test
    void aWriteByTheServiceBetweenTheReadAndTheResealIsNotOverwritten() {
        try (RedisScope scope = RedisTestSupport.scope("reseal-cas")) {
            var redis = scope.template();
            String key = scope.keys().key("value");
            redis.opsForValue().set(key, "written by the service now").block();
            Long answer = redis.execute(new org.springframework.data.redis.core.script.DefaultRedisScript<>(
                            RedisResealer.SET_IF_SAME, Long.class), List.of(key), List.of("what reseal read", "resealed"))
                    .blockFirst();
            assertThat(answer).isZero();
            assertThat(redis.opsForValue().get(key).block()).isEqualTo("written by the service now");
        }
    }

    @Test
    void withoutTheServerSecretNothingIsTouched() {
        Run run = run(Map.of("MOTCUA_STORE", "redis"), "reseal");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("MOTCUA_SECRET");
    }
}
