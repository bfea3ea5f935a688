package vn.motcua.channel.zalo;

import java.time.Clock;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Hands out the OA access token, renewing it before it expires and when Zalo says it is no longer valid (-216 /
 * -220). However many sends meet an expired token at once, one refresh runs: they share it through the
 * {@link ZaloRefreshLock}, and a caller whose token was already replaced uses the new one instead of refreshing again.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(ZaloAccessTokens.class);

    private final ZaloTokenStore store;
    private final ZaloRefreshLock lock;
    private final ZaloOAuthClient oauth;
    private final ZaloHealthIndicator health;
    private final ZaloProperties properties;
    private final Clock clock;

    @Autowired
    ZaloAccessTokens(ZaloTokenStore store, ZaloRefreshLock lock, ZaloOAuthClient oauth, ZaloHealthIndicator health,
                     ZaloProperties properties) {
        this(store, lock, oauth, health, properties, Clock.systemUTC());
    }

    ZaloAccessTokens(ZaloTokenStore store, ZaloRefreshLock lock, ZaloOAuthClient oauth, ZaloHealthIndicator health,
                     ZaloProperties properties, Clock clock) {
        this.store = store;
        this.lock = lock;
        this.oauth = oauth;
        this.health = health;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token to send with, renewed first when it is missing or expires within the configured margin. */
    Mono<String> accessToken() {
        return store.current().flatMap(tokens -> dueForRenewal(tokens)
                ? refresh(this::dueForRenewal).map(ZaloTokens::accessToken)
                : Mono.just(tokens.accessToken()));
    }

    /** Zalo refused {@code rejected}: a token to retry with, refreshing only if nobody has replaced it yet. */
    Mono<String> replaceRejected(String rejected) {
        return refresh(tokens -> !tokens.hasAccessToken() || tokens.accessToken().equals(rejected))
                .map(ZaloTokens::accessToken);
    }

    private boolean dueForRenewal(ZaloTokens tokens) {
        return !tokens.hasAccessToken()
                || !tokens.accessExpiresAt().isAfter(clock.instant().plus(properties.refreshMargin()));
    }

    private Mono<ZaloTokens> refresh(Predicate<ZaloTokens> stillNeeded) {
        if (health.isRefreshRejected()) {
            return Mono.error(new ZaloTokenException("the refresh token was refused earlier; waiting for a new one",
                    true));
        }
        Mono<ZaloTokens> refresh = store.current()
                .flatMap(current -> stillNeeded.test(current) ? renew(current) : Mono.just(current));
        return lock.exclusive(refresh, store.current());
    }

    /** Stores the new pair before anyone uses it: the old refresh token is dead the moment Zalo answers. */
    private Mono<ZaloTokens> renew(ZaloTokens current) {
        if (!current.hasRefreshToken()) {
            return rejected(new ZaloTokenException("ZALO_REFRESH_TOKEN is not set", true));
        }
        return oauth.refresh(current.refreshToken())
                .flatMap(fresh -> store.replace(fresh).thenReturn(fresh))
                .doOnNext(fresh -> log.info("Renewed the Zalo access token; valid until {}", fresh.accessExpiresAt()))
                .onErrorResume(ZaloTokenException.class, e -> e.rejected ? rejected(e) : Mono.error(e));
    }

    private Mono<ZaloTokens> rejected(ZaloTokenException e) {
        log.error("ALERT: the Zalo access token cannot be renewed: {}. Zalo replies cannot be sent until "
                + "ZALO_REFRESH_TOKEN is replaced (README, \"Connecting a real Zalo Official Account\").",
                e.getMessage());
        health.refreshRejected(e.getMessage());
        return Mono.error(e);
    }
}
