package vn.motcua.channel.zalo;

import java.time.Duration;

class InMemoryZaloTokenStoreTest extends ZaloTokenStoreContract {

    @Override
    ZaloTokenStore startedWith(String accessToken, String refreshToken) {
        return new InMemoryZaloTokenStore(new ZaloProperties("360846524940903967", null, "oa-secret", "app-secret",
                refreshToken, accessToken, null, null, 0, null, 0, 0, null, null, Duration.ofSeconds(5), null, null));
    }
}
