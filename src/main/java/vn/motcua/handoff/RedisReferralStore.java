package vn.motcua.handoff;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.TextSealer;
import vn.motcua.redis.RedisKeys;

/**
 * Referrals on Redis: each one sealed JSON under its own id (the console follows a referral by its id alone), and
 * per conversation a sorted set of its referrals' ids, by when they were proposed. Both expire the case period
 * (MOTCUA_CASE_RETENTION) after the last change: referrals are what a closed case keeps.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "redis")
class RedisReferralStore implements ReferralStore {

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final SealedJson sealed;
    private final Duration retention;

    RedisReferralStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TextSealer sealer,
                       PrivacyProperties privacy) {
        this.redis = redis;
        this.keys = keys;
        this.sealed = new SealedJson(sealer);
        // Referrals are what a closed case keeps: the case period, as in memory.
        this.retention = privacy.caseRetention();
    }

    private String referralKey(String referralId) {
        return keys.key("handoff", "referral", referralId);
    }

    private String ofKey(String conversationId) {
        return keys.conversation("handoff:referrals", conversationId);
    }

    @Override
    public Mono<Void> save(Referral referral) {
        String of = ofKey(referral.conversationId());
        return redis.opsForValue().set(referralKey(referral.id()), sealed.seal(referral), retention)
                .then(redis.opsForZSet().add(of, referral.id(), referral.history().get(0).at().toEpochMilli()))
                .then(redis.expire(of, retention))
                .then();
    }

    @Override
    public Mono<Referral> find(String referralId) {
        return redis.opsForValue().get(referralKey(referralId)).map(s -> sealed.open(s, Referral.class));
    }

    @Override
    public Mono<List<Referral>> of(String conversationId) {
        return redis.opsForZSet().range(ofKey(conversationId), Range.unbounded())
                .concatMap(this::find)
                .collectList();
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return redis.opsForZSet().range(ofKey(conversationId), Range.unbounded())
                .concatMap(id -> redis.delete(referralKey(id)))
                .then(redis.delete(ofKey(conversationId)))
                .then();
    }
}
