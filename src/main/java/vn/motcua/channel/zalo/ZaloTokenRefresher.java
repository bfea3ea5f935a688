package vn.motcua.channel.zalo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks the access token at start-up and then every {@code tokenCheckInterval}, so it is renewed before it expires
 * even when nobody writes for a while, and the refresh token (valid three months, renewed with it) never runs out.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloTokenRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ZaloTokenRefresher.class);

    private final ZaloAccessTokens tokens;
    private final ZaloProperties properties;
    private volatile Disposable schedule;

    ZaloTokenRefresher(ZaloAccessTokens tokens, ZaloProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public void start() {
        schedule = Flux.interval(Duration.ZERO, properties.tokenCheckInterval())
                .onBackpressureDrop()
                .concatMap(tick -> tokens.accessToken().then().onErrorResume(e -> {
                    // A refused refresh token was already raised as an ALERT; anything else is tried again next time.
                    if (!(e instanceof ZaloTokenException token && token.rejected)) {
                        log.warn("The Zalo access token could not be renewed now ({}); trying again later",
                                e.getMessage());
                    }
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isDisposed();
    }
}
