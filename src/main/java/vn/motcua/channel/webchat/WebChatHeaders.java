package vn.motcua.channel.webchat;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Response headers that keep the web chat from leaving traces and from being framed by strangers: nothing cached on
 * disk, no referrer sent to the exit page, scripts only from this service, and the page framed only by this service
 * and the partner origins in MOTCUA_WEBCHAT_ALLOWED_ORIGINS.
 *
 * <p>On every response, not only on the page's paths: a rule by path missed every other spelling of a path
 * ({@code /%69ndex.html}) and the routes around the page ({@code /widget.js}, errors, webhooks, probes). A response the
 * console's sign-in already gave its own policy (the console and {@code /api}: {@code frame-ancestors 'none'}) keeps
 * it; this filter only adds what is missing there.
 */
@Component
class WebChatHeaders implements WebFilter {

    private static final String CSP = "Content-Security-Policy";

    private final String contentSecurityPolicy;

    WebChatHeaders(WebChatProperties properties) {
        String ancestors = String.join(" ", properties.allowedOrigins());
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader(CSP)) {
                // The person's side (the console's sign-in wrote no policy): this service's own headers win.
                headers.set(CSP, contentSecurityPolicy);
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            } else if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Content-Type-Options", "nosniff");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
