package vn.motcua.campaign;

import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;

class InMemorySubscriberStoreTest extends SubscriberStoreContract {

    private final InMemorySubscriberStore store =
            new InMemorySubscriberStore(new TextSealer(new ServerSecret(new PrivacyProperties("secret", null))));

    @Override
    SubscriberStore store() {
        return store;
    }
}
