package vn.motcua.channel.webchat;

import java.util.List;

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
 */
@Component
class WebChatHeaders implements WebFilter {

    private static final List<String> PAGES = List.of("/", "/index.html");

    private final String contentSecurityPolicy;

    WebChatHeaders(WebChatProperties properties) {
        String ancestors = String.join(" ", properties.allowedOrigins());
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean page = PAGES.contains(path);
        boolean chat = page || path.startsWith("/webchat/") || path.startsWith("/assets/");
        if (chat) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                if (page) {
                    headers.set("Content-Security-Policy", contentSecurityPolicy);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
