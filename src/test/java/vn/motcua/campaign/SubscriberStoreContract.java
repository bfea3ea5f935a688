package vn.motcua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import vn.motcua.message.Channel;

/** What every {@link SubscriberStore} adapter must do. */
abstract class SubscriberStoreContract {

    abstract SubscriberStore store();

    @Test
    void anOptInIsRecordedAndAnOptOutRemovesItAtOnce() {
        String id = UUID.randomUUID().toString();
        assertThat(store().isSubscribed(id).block()).isFalse();
        store().subscribe(id, Channel.MESSENGER, "token").block();
        assertThat(store().isSubscribed(id).block()).isTrue();
        store().unsubscribe(id).block();
        assertThat(store().isSubscribed(id).block()).isFalse();
    }

    @Test
    void unsubscribingSomeoneWhoNeverSubscribedIsHarmlessAndTouchesNobodyElse() {
        String subscribed = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        store().subscribe(subscribed, Channel.ZALO, null).block();

        StepVerifier.create(store().unsubscribe(stranger)).verifyComplete();
        assertThat(store().isSubscribed(stranger).block()).isFalse();
        assertThat(store().isSubscribed(subscribed).block()).as("someone else's opt-in").isTrue();
    }

    @Test
    void anOptOutRemovesOnlyThatPerson() {
        String leaving = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        store().subscribe(leaving, Channel.MESSENGER, "token-1").block();
        store().subscribe(staying, Channel.MESSENGER, "token-2").block();

        store().unsubscribe(leaving).block();
        assertThat(store().isSubscribed(leaving).block()).isFalse();
        assertThat(store().isSubscribed(staying).block()).isTrue();
    }
}
