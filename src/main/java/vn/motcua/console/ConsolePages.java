package vn.motcua.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import reactor.core.publisher.Mono;

/**
 * The console's two pages, served by the service itself: no front-end build, no script or style from elsewhere
 * and none inline, which the policy below enforces. Its scripts and style sheet are plain static resources beside
 * them (static/console/).
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; media-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Resource CONSOLE = new ClassPathResource("static/console/index.html");
    private static final Resource LOGIN = new ClassPathResource("static/console/login.html");

    @Bean
    RouterFunction<ServerResponse> consolePageRoutes() {
        return route()
                .GET("/console", request -> page(CONSOLE))
                .GET("/console/", request -> page(CONSOLE))
                .GET("/console/login", request -> page(LOGIN))
                .build();
    }

    private static Mono<ServerResponse> page(Resource page) {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(page);
    }
}
