package vn.motcua.channel.zalo;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.PooledWebClient;

/**
 * Exchanges the refresh token for a new pair: {@code POST {oauth}/v4/oa/access_token} with header {@code secret_key}
 * (the app secret) and form {@code refresh_token, app_id, grant_type=refresh_token} (platforms.md §2.6; the official
 * Java SDK's {@code GetAccessTokenByRefreshToken}). Tokens never appear in an exception message.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloOAuthClient {

    private static final long DEFAULT_EXPIRES_IN_SECONDS = 90_000;

    private final ZaloProperties properties;
    private final ObjectMapper json;
    private final WebClient oauth;
    private final Clock clock = Clock.systemUTC();

    ZaloOAuthClient(ZaloProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        // One refresh runs at a time (ZaloRefreshLock), so a small pool is plenty.
        this.oauth = PooledWebClient.create("zalo-oauth", properties.oauthUrl(), 2, properties.sendTimeout());
    }

    Mono<ZaloTokens> refresh(String refreshToken) {
        return oauth.post()
                .uri("/v4/oa/access_token")
                .header("secret_key", properties.appSecret() == null ? "" : properties.appSecret())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("refresh_token", refreshToken)
                        .with("app_id", properties.appId())
                        .with("grant_type", "refresh_token"))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> tokens(response.statusCode().value(), text)))
                .onErrorMap(WebClientRequestException.class,
                        e -> new ZaloTokenException("the OAuth server could not be reached", false));
    }

    private ZaloTokens tokens(int status, String text) {
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JacksonException e) {
            throw new ZaloTokenException("the OAuth server answered HTTP " + status + " without JSON", status < 500);
        }
        String access = body.path("access_token").asString("");
        String refresh = body.path("refresh_token").asString("");
        if (status / 100 == 2 && !access.isBlank() && !refresh.isBlank()) {
            return new ZaloTokens(access, refresh, clock.instant().plus(expiresIn(body.path("expires_in"))));
        }
        if (status >= 500) {
            throw new ZaloTokenException("the OAuth server answered HTTP " + status, false);
        }
        throw new ZaloTokenException("the refresh was refused (HTTP " + status + ", error "
                + body.path("error").asString("-") + " " + printable(body.path("error_name").asString("")) + ")", true);
    }

    /** {@code expires_in} is a string of seconds in Zalo's answer ("90000"); a number is accepted too. */
    private static Duration expiresIn(JsonNode node) {
        try {
            long seconds = Long.parseLong(node.asString("").strip());
            return Duration.ofSeconds(seconds > 0 ? seconds : DEFAULT_EXPIRES_IN_SECONDS);
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(DEFAULT_EXPIRES_IN_SECONDS);
        }
    }

    private static String printable(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9 _.-]", "?");
        return safe.length() <= 80 ? safe : safe.substring(0, 80);
    }
}
