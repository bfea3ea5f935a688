package vn.motcua.channel.webchat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Lets the partner sites in MOTCUA_WEBCHAT_ALLOWED_ORIGINS call the API from their own pages. With none configured,
 * no CORS headers are sent and only the service's own page (same origin) can use the API from a browser.
 */
@Configuration
class WebChatCors implements WebFluxConfigurer {

    private final WebChatProperties properties;

    WebChatCors(WebChatProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping("/webchat/**")
                .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders("Content-Type")
                .exposedHeaders("Retry-After")
                .allowCredentials(false)
                .maxAge(3600);
    }
}
