package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link ReferralStore} adapter must do. */
abstract class ReferralStoreContract {

    abstract ReferralStore newStore();

    @Test
    void aReferralIsFoundByItsIdAndListedWithItsConversationOldestFirst() {
        ReferralStore store = newStore();
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Referral first = Referral.proposed("r1-" + c, c, "legal-aid", null, "lan", now);
        Referral second = Referral.proposed("r2-" + c, c, "shelter", "sealed", "lan", now.plusSeconds(5));
        store.save(second).block();
        store.save(first).block();
        store.save(Referral.proposed("r3-" + c, "other", "police", null, "lan", now)).block();

        assertThat(store.find(first.id()).block()).isEqualTo(first);
        assertThat(store.of(c).block()).extracting(Referral::id).containsExactly(first.id(), second.id());
    }

    @Test
    void savingAgainReplacesTheReferralWithItsNewStatus() {
        ReferralStore store = newStore();
        String c = UUID.randomUUID().toString();
        Referral proposed = Referral.proposed("r-" + c, c, "legal-aid", null, "lan", Instant.now());
        store.save(proposed).block();
        store.save(proposed.movedTo(ReferralStatus.AGREED, "lan", Instant.now(), null)).block();

        assertThat(store.find(proposed.id()).block().status()).isEqualTo(ReferralStatus.AGREED);
        assertThat(store.of(c).block()).hasSize(1);
    }

    @Test
    void forgettingAConversationErasesItsReferralsOnly() {
        ReferralStore store = newStore();
        String c = UUID.randomUUID().toString();
        store.save(Referral.proposed("a-" + c, c, "legal-aid", null, "lan", Instant.now())).block();
        store.save(Referral.proposed("b-" + c, "other-" + c, "legal-aid", null, "lan", Instant.now())).block();

        store.forget(c).block();

        assertThat(store.find("a-" + c).blockOptional()).isEmpty();
        assertThat(store.find("b-" + c).blockOptional()).isPresent();
    }
}
