package vn.motcua.channel.zalo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.PseudonymousIds;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * The OA's token pair in Redis, shared by every instance and kept across restarts: {@code zalo:tokens} is a hash
 * with the pair ({@code pair}, JSON sealed with {@link TextSealer}, replaced whole by one {@code HSET}) and the
 * {@code seed}, an HMAC of the refresh token configured when it was first stored.
 *
 * <p>At the first use after start-up the configured pair is stored only when the stored one came from another
 * configured refresh token (or there is none): an instance that starts with the configuration its predecessors had
 * keeps the pair they renewed since (the configured refresh token is used up by then), while an operator who pastes
 * a new refresh token into {@code ZALO_REFRESH_TOKEN} has it used at the next start. A changed {@code MOTCUA_SECRET}
 * changes the seed too, so a pair sealed with the old secret is replaced rather than left unreadable.
 *
 * <p>No TTL: the pair is the OA's credential, nothing about a person, and a refresh replaces it about once a day.
 */
@Component
@Conditional(ZaloEnabled.class)
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisZaloTokenStore implements ZaloTokenStore {

    private static final Logger log = LoggerFactory.getLogger(RedisZaloTokenStore.class);

    static final String KIND = "zalo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** KEYS[1] the hash; ARGV: seed, sealed configured pair. Stores the pair unless it came from this seed. */
    private static final RedisScript<Long> SEED = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'seed') == ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'seed', ARGV[1], 'pair', ARGV[2])
            return 1""", Long.class);

    /** What is stored, sealed: the pair as Zalo gave it. */
    record StoredPair(String accessToken, String refreshToken, Instant accessExpiresAt) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final TextSealer sealer;
    private final ZaloProperties properties;
    private final String seed;
    /** The seeding, once per start; tried again at the next use if Redis was away. */
    private final Mono<Void> seeded;

    RedisZaloTokenStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer, PseudonymousIds ids,
                        ZaloProperties properties) {
        this.redis = redis;
        this.key = keys.key(KIND, "tokens");
        this.sealer = sealer;
        this.properties = properties;
        String refresh = blankToNull(properties.refreshToken());
        this.seed = ids.hash("zalo-refresh-token:" + (refresh == null ? "" : refresh));
        this.seeded = Mono.defer(this::seed).cache(done -> Duration.ofMillis(Long.MAX_VALUE), e -> Duration.ZERO,
                () -> Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public Mono<ZaloTokens> current() {
        return seeded.then(redis.<String, String>opsForHash().get(key, "pair"))
                .map(this::open)
                .switchIfEmpty(Mono.fromSupplier(this::configured));
    }

    @Override
    public Mono<Void> replace(ZaloTokens tokens) {
        return seeded.then(Mono.fromCallable(() -> seal(tokens)))
                .flatMap(sealed -> redis.<String, String>opsForHash().put(key, "pair", sealed))
                .then();
    }

    private Mono<Void> seed() {
        return Mono.fromCallable(() -> seal(configured()))
                .flatMap(sealed -> redis.execute(SEED, List.of(key), List.of(seed, sealed)).next())
                .doOnNext(stored -> {
                    if (stored == 1L) {
                        log.info("Stored the Zalo token pair from the configuration (ZALO_REFRESH_TOKEN is new here)");
                    } else {
                        log.info("Using the Zalo token pair kept in Redis (renewed since ZALO_REFRESH_TOKEN was set)");
                    }
                })
                .then();
    }

    /** The pair the configuration gives: a configured access token is trusted for one lifetime from now at most. */
    private ZaloTokens configured() {
        String access = blankToNull(properties.accessToken());
        Instant expires = access == null ? Instant.EPOCH
                : Instant.now().plus(InMemoryZaloTokenStore.ACCESS_TOKEN_LIFETIME);
        return new ZaloTokens(access, blankToNull(properties.refreshToken()), expires);
    }

    private String seal(ZaloTokens tokens) {
        return sealer.seal(JSON.writeValueAsString(
                new StoredPair(tokens.accessToken(), tokens.refreshToken(), tokens.accessExpiresAt())));
    }

    private ZaloTokens open(String sealed) {
        StoredPair pair = JSON.readValue(sealer.open(sealed), StoredPair.class);
        return new ZaloTokens(pair.accessToken(), pair.refreshToken(), pair.accessExpiresAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
