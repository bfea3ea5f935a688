package vn.motcua.channel.zalo;

import reactor.core.publisher.Mono;

/**
 * Where the OA's token pair is kept, shared by every instance of the service. The pair is one value: it is replaced
 * as a whole, before the new access token is used, because Zalo rotates the refresh token on every refresh.
 */
public interface ZaloTokenStore {

    /** The current pair; at start-up, the one configured in ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN. */
    Mono<ZaloTokens> current();

    /** Replaces the whole pair at once. */
    Mono<Void> replace(ZaloTokens tokens);
}
