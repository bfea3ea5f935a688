package vn.motcua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

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
    void unsubscribingSomeoneWhoNeverSubscribedIsHarmless() {
        store().unsubscribe(UUID.randomUUID().toString()).block();
    }
}
