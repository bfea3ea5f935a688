package vn.motcua.console;

import java.net.InetSocketAddress;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Checks a password (form or HTTP Basic) unless the account or the address is locked by {@link LoginAttempts}, and
 * counts the outcome. The address comes from the request through the Reactor context ({@link AddressFilter}).
 */
final class LockingAuthenticationManager implements ReactiveAuthenticationManager {

    static final String ADDRESS = LockingAuthenticationManager.class.getName() + ".address";

    private final ReactiveAuthenticationManager passwords;
    private final LoginAttempts attempts;

    LockingAuthenticationManager(ReactiveAuthenticationManager passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String account = authentication.getName();
        return Mono.deferContextual(context -> {
            String address = context.getOrDefault(ADDRESS, "unknown");
            return attempts.check(account, address)
                    .flatMap(lock -> Mono.<Authentication>error(new Locked(attempts.secondsLeft(lock))))
                    .switchIfEmpty(Mono.defer(() -> passwords.authenticate(authentication)
                            .flatMap(ok -> attempts.succeeded(account, address).thenReturn(ok))
                            .onErrorResume(AuthenticationException.class, e -> attempts.failed(account, address)
                                    // Same answer for an unknown user and a wrong password.
                                    .then(Mono.error(new BadCredentialsException("Invalid name or password"))))));
        });
    }

    /** A try refused by the lockout, with how long the client must wait (the 429's Retry-After). */
    static final class Locked extends LockedException {

        private final long secondsLeft;

        Locked(long secondsLeft) {
            super("Too many failed sign-ins; try again in " + secondsLeft + " s");
            this.secondsLeft = secondsLeft;
        }

        long secondsLeft() {
            return secondsLeft;
        }
    }

    /** Puts the client's address in the Reactor context of the request, for the lockout. */
    static final class AddressFilter implements WebFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            // Behind a proxy the forwarded client address comes unresolved (no InetAddress, only its text): it is
            // still that client's address, not "unknown" shared by every client.
            String address = remote == null ? "unknown"
                    : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
            return chain.filter(exchange).contextWrite(context -> context.put(ADDRESS, address));
        }
    }
}
