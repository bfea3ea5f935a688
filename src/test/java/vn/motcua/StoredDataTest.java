package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: every store holds no message text and no platform id in clear. After a conversation with a caseworker
 * (transcript, reply address, notes, safe contact, referral), everything the stores hold is read and searched.
 */
class StoredDataTest extends PersonalDataScenario {

    @Test
    void afterAConversationWithACaseworkerNoStoreHoldsWhatThePersonOrTheCaseworkerWroteOrThePlatformId() {
        String psid = newPsid();
        String id = messengerConversationWithACaseworker(psid);

        List<StoreContents.Stored> stored = stored();
        Set<String> forbidden = new HashSet<>(NEVER_IN_CLEAR);
        forbidden.add(psid);
        forbidden.add("messenger|id|" + psid);
        assertThat(StoreContents.containing(stored, forbidden)).isEmpty();

        // The scan does see the conversation: its pseudonymous id, and its text sealed under the data key.
        assertThat(stored).anyMatch(s -> s.text().contains(id));
        assertThat(stored).filteredOn(s -> s.text().startsWith("mc1:"))
                .as("sealed values, all under the key MOTCUA_DATA_KEY names first")
                .isNotEmpty()
                .allMatch(s -> s.text().startsWith("mc1:k1:"));
    }
}
