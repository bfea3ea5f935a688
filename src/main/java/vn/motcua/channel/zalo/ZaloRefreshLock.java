package vn.motcua.channel.zalo;

import reactor.core.publisher.Mono;

/**
 * Lets one token refresh run at a time across everything that shares the token store. A refresh token works once, so
 * two refreshes racing each other would leave one of them holding a dead token.
 */
public interface ZaloRefreshLock {

    /**
     * Runs {@code refresh} unless a refresh is already running; a caller that arrives meanwhile waits for that one and
     * gets its result (or, when it ran on another instance, {@code reread} once it is over).
     */
    Mono<ZaloTokens> exclusive(Mono<ZaloTokens> refresh, Mono<ZaloTokens> reread);
}
