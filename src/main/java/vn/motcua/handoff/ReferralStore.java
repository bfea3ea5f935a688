package vn.motcua.handoff;

import java.util.List;

import reactor.core.publisher.Mono;

/** Referrals, by their own id and by conversation; kept as long as the conversation, erased with it. */
public interface ReferralStore {

    /** Adds or replaces a referral. */
    Mono<Void> save(Referral referral);

    Mono<Referral> find(String referralId);

    /** A conversation's referrals, oldest first. */
    Mono<List<Referral>> of(String conversationId);

    /** Erases every referral of the conversation. */
    Mono<Void> forget(String conversationId);
}
