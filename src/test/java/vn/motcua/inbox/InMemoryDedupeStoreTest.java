package vn.motcua.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class InMemoryDedupeStoreTest extends DedupeStoreContract {

    private final InMemoryDedupeStore store = new InMemoryDedupeStore(new InboxProperties(Duration.ofHours(24), 4, 50, 3));

    @Override
    DedupeStore store() {
        return store;
    }

    @Test
    void aKeyIsForgottenAfterTheWindow() {
        InMemoryDedupeStore shortWindow = new InMemoryDedupeStore(new InboxProperties(Duration.ofMillis(50), 4, 50, 3));
        assertThat(shortWindow.firstSighting("mid.1").block()).isTrue();
        assertThat(shortWindow.firstSighting("mid.1").block()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> shortWindow.firstSighting("mid.1").block());
    }
}
