package vn.motcua.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.message.Channel;
import vn.motcua.message.ReplyAddress;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;

/** A caseworker's or campaign's later send must reach the same person the bot answered, Messenger user_ref included. */
class SealedAddressesTest {

    private final SealedAddresses addresses =
            new SealedAddresses(new TextSealer(new ServerSecret(new PrivacyProperties("secret", null))));

    @Test
    void everyAddressComesBackWholeAndIsNeverStoredInClear() {
        List<ReplyAddress> all = List.of(ReplyAddress.of(Channel.MESSENGER, "24536545646"),
                new ReplyAddress(Channel.MESSENGER, "plugin-ref|with-a-bar", true),
                ReplyAddress.of(Channel.ZALO, "8452341234"), ReplyAddress.of(Channel.WEBCHAT, "s-abc"));
        for (ReplyAddress address : all) {
            String sealed = addresses.seal(address);
            assertThat(sealed).doesNotContain(address.userId());
            assertThat(addresses.open(sealed)).isEqualTo(address);
        }
    }
}
