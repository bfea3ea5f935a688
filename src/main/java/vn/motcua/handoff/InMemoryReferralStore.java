package vn.motcua.handoff;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;
import vn.motcua.privacy.PrivacyProperties;

/**
 * Referrals in process memory, forgotten the case period after their last change: with the outcome, they are what a
 * closed case keeps.
 */
@Component
@ConditionalOnProperty(name = "motcua.store", havingValue = "memory", matchIfMissing = true)
class InMemoryReferralStore implements ReferralStore {

    private final Cache<String, Referral> referrals;

    @Autowired
    InMemoryReferralStore(PrivacyProperties properties) {
        this(properties.caseRetention());
    }

    InMemoryReferralStore(Duration retention) {
        this.referrals = Caffeine.newBuilder().expireAfterWrite(retention.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    @Override
    public Mono<Void> save(Referral referral) {
        return Mono.fromRunnable(() -> referrals.put(referral.id(), referral));
    }

    @Override
    public Mono<Referral> find(String referralId) {
        return Mono.fromSupplier(() -> referrals.getIfPresent(referralId));
    }

    @Override
    public Mono<List<Referral>> of(String conversationId) {
        return Mono.fromSupplier(() -> referrals.asMap().values().stream()
                .filter(r -> r.conversationId().equals(conversationId))
                .sorted(Comparator.comparing(r -> r.history().get(0).at()))
                .toList());
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> referrals.asMap().values().removeIf(r -> r.conversationId().equals(conversationId)));
    }
}
