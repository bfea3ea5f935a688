package vn.motcua;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses, with 400, a request whose path names a page in another way than its one plain spelling: a double slash, a
 * dot segment, an escaped character ({@code /%69ndex.html}), a {@code ;} or {@code \}, or a trailing slash. Such
 * variants were served the chat page without the headers that its plain path gets (so any site could frame it), and
 * they are how a path slips past a rule written for its plain form. No route of this service needs any of them: ids
 * in paths are UUIDs, hex or URL-safe Base64. First of all filters, before sign-in; the refusal carries the strictest
 * headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathGuard implements WebFilter {

    /** The only paths that end with a slash. */
    private static final Set<String> TRAILING_SLASH = Set.of("/", "/console/");
    static final String REFUSAL_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        if (isPlain(path)) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Content-Security-Policy", REFUSAL_CSP);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        DataBuffer body = response.bufferFactory().wrap(("{\"error\":\"path_not_plain\",\"message\":\"Đường dẫn "
                + "không hợp lệ: hãy viết đường dẫn không có '//', '.' hay '..', ký tự mã hóa (%), ';', '\\\\' "
                + "hay dấu '/' ở cuối.\"}").getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    static boolean isPlain(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        if (path.endsWith("/") && !TRAILING_SLASH.contains(path)) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';' || c == '\\' || c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        if (path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
