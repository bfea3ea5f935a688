package vn.motcua.console;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;
import vn.motcua.handoff.CaseworkerPresence;

/**
 * Who may do what (docs/api.md). The person's side — webhooks, the web chat and its page, static assets, health —
 * needs no sign-in and keeps its own headers. Everything else needs sign-in: a form at {@code /console/login} for
 * the console (session cookie HttpOnly, SameSite=Strict, a new id at sign-in, 30 min idle, 12 h at most), HTTP
 * Basic for API clients (no session). CSRF is checked on every change, the token travelling in the
 * {@code XSRF-TOKEN} cookie and back in the {@code X-XSRF-TOKEN} header or the {@code _csrf} form field. Failed
 * sign-ins lock with a back-off ({@link LoginAttempts}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String LOGIN = "/console/login";
    static final String SIGNED_IN_AT = SecurityConfiguration.class.getName() + ".signedInAt";
    static final String CONSOLE_HOME = "/console/";
    /** The console page may load only its own scripts and styles, talk only to this service, and is never framed. */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService consoleUsers(ConsoleProperties properties, PasswordEncoder encoder) {
        return new MapReactiveUserDetailsService(ConsoleUsers.from(properties, encoder));
    }

    @Bean
    LoginAttempts loginAttempts(ConsoleProperties properties, Clock clock, LoginFailures failures) {
        return new LoginAttempts(properties, clock, failures);
    }

    /** The person's side: no sign-in, no session, no CSRF, and its own headers (the web chat sets them). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain openToEveryone(ServerHttpSecurity http) {
        return http
                .securityMatcher(pathMatchers("/", "/index.html", "/widget.js", "/favicon.ico", "/assets/**",
                        "/webhooks/**", "/webchat/**", "/actuator/health", "/actuator/health/**"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** The console, the API and the operator's endpoints. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain signedIn(ServerHttpSecurity http, MapReactiveUserDetailsService users,
                                    PasswordEncoder encoder, LoginAttempts attempts, ConsoleProperties properties,
                                    CaseworkerPresence presence, Clock clock) {
        UserDetailsRepositoryReactiveAuthenticationManager passwords =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        passwords.setPasswordEncoder(encoder);
        ReactiveAuthenticationManager manager = new LockingAuthenticationManager(passwords, attempts);
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, LOGIN, "/console/assets/**").permitAll()
                        .pathMatchers(HttpMethod.POST, LOGIN).permitAll()
                        .pathMatchers("/api/nlu/**", "/api/content/**", "/api/audit/**", "/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/campaigns/**").hasRole(Role.CAMPAIGN.name())
                        .pathMatchers("/api/conversations/**", "/api/referrals/**", "/api/events",
                                "/api/canned-replies", "/api/services").hasRole(Role.CASEWORKER.name())
                        .pathMatchers("/api/me", "/console", "/console/**").authenticated()
                        .anyExchange().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .authenticationManager(manager)
                        .authenticationSuccessHandler(signedInHandler(presence, clock))
                        .authenticationFailureHandler(failedSignIn()))
                .httpBasic(basic -> basic
                        .authenticationManager(manager)
                        .authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied()))
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(accessDenied()))
                .logout(logout -> logout
                        .logoutUrl("/console/logout")
                        .logoutHandler(signOut(presence))
                        .logoutSuccessHandler(redirectTo(LOGIN + "?logout")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CSP))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(new LockingAuthenticationManager.AddressFilter(), SecurityWebFiltersOrder.FIRST)
                .addFilterBefore(sessionAge(properties, clock), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAt(seen(presence, clock), SecurityWebFiltersOrder.LAST)
                .build();
    }

    /** The page reads the CSRF token from its cookie, so the cookie must be written on the first GET already. */
    private static WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /** A session ends at most {@code sessionMaxAge} after its sign-in, however active it was. */
    private static WebFilter sessionAge(ConsoleProperties properties, Clock clock) {
        return (exchange, chain) -> exchange.getSession().flatMap(session -> {
            Instant signedIn = session.getAttribute(SIGNED_IN_AT);
            if (signedIn != null && !signedIn.plus(properties.sessionMaxAge()).isAfter(clock.instant())) {
                // Emptied first: Spring Session's session (the Redis store) keeps its attributes after invalidate(),
                // and this request would still be signed in; the in-memory one empties itself.
                session.getAttributes().clear();
                return session.invalidate();
            }
            return Mono.empty();
        }).then(chain.filter(exchange));
    }

    /** A caseworker using the console or the API counts as signed in (for the duty check). */
    private static WebFilter seen(CaseworkerPresence presence, Clock clock) {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(auth -> auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                        .anyMatch(a -> ("ROLE_" + Role.CASEWORKER.name()).equals(a.getAuthority())))
                .flatMap(auth -> presence.seen(auth.getName(), clock.instant()))
                .then(chain.filter(exchange));
    }

    private static ServerAuthenticationSuccessHandler signedInHandler(CaseworkerPresence presence, Clock clock) {
        return (webFilterExchange, authentication) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            return exchange.getSession()
                    .doOnNext(session -> session.getAttributes().put(SIGNED_IN_AT, clock.instant()))
                    .then(presence.seen(authentication.getName(), clock.instant()))
                    .then(new DefaultServerRedirectStrategy().sendRedirect(exchange, URI.create(CONSOLE_HOME)));
        };
    }

    private static ServerAuthenticationFailureHandler failedSignIn() {
        return (webFilterExchange, exception) -> new DefaultServerRedirectStrategy().sendRedirect(
                webFilterExchange.getExchange(),
                URI.create(LOGIN + (exception instanceof LockedException ? "?locked" : "?error")));
    }

    private static ServerLogoutHandler signOut(CaseworkerPresence presence) {
        ServerLogoutHandler gone = (exchange, authentication) ->
                authentication == null ? Mono.empty() : presence.left(authentication.getName());
        return new DelegatingServerLogoutHandler(List.of(gone, new SecurityContextServerLogoutHandler(),
                new WebSessionServerLogoutHandler()));
    }

    private static RedirectServerLogoutSuccessHandler redirectTo(String location) {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(location));
        return handler;
    }

    /** The API answers 401 in JSON; a page goes to the sign-in form. */
    private static ServerAuthenticationEntryPoint entryPoint() {
        ServerAuthenticationEntryPoint api = apiEntryPoint();
        return (exchange, exception) -> ApiResponses.isApi(exchange) || !acceptsHtml(exchange)
                ? api.commence(exchange, exception)
                : new DefaultServerRedirectStrategy().sendRedirect(exchange, URI.create(LOGIN));
    }

    /**
     * 401 with a Basic challenge for API clients; without the challenge when the request says it comes from a page's
     * script ({@code X-Requested-With}), so the browser shows no password box of its own. 429 while locked.
     */
    private static ServerAuthenticationEntryPoint apiEntryPoint() {
        return (exchange, exception) -> {
            if (exception instanceof LockedException) {
                long wait = exception instanceof LockingAuthenticationManager.Locked locked ? locked.secondsLeft() : 60;
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                return ApiResponses.error(exchange, HttpStatus.TOO_MANY_REQUESTS, "locked",
                        "Đăng nhập sai quá nhiều lần. Hãy thử lại sau ít phút.");
            }
            if (exchange.getRequest().getHeaders().getFirst("X-Requested-With") == null) {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Mot Cua Chat\"");
            }
            return ApiResponses.error(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Cần đăng nhập.");
        };
    }

    private static ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> {
            boolean csrf = denied instanceof org.springframework.security.web.server.csrf.CsrfException;
            return ApiResponses.error(exchange, HttpStatus.FORBIDDEN, csrf ? "csrf" : "forbidden",
                    csrf ? "Thiếu hoặc sai mã chống giả mạo (CSRF): hãy tải lại trang."
                            : "Bạn không có quyền làm việc này.");
        };
    }

    private static boolean acceptsHtml(ServerWebExchange exchange) {
        String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
