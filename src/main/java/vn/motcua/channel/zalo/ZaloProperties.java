package vn.motcua.channel.zalo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Zalo settings, from ZALO_* environment variables (README, configuration table).
 *
 * @param appId              the Zalo app's id; signatures and token refresh use it
 * @param oaId               the Official Account's id; when set, events for another OA of the same app are ignored
 * @param oaSecretKey        the "OA Secret Key" from the app's Webhook page: webhook signatures
 * @param appSecret          the app's secret key: token refresh
 * @param refreshToken       the refresh token issued when the OA granted the app access (single use, rotated)
 * @param accessToken        an access token to start with, optional (otherwise one is obtained at start-up)
 * @param maxEventAge        events signed longer ago than this are refused as replays (Zalo retries for about 2 h)
 * @param refreshMargin      the access token is renewed this long before it expires
 * @param tokenCheckInterval how often the token's expiry is checked, so it is renewed even when nobody writes
 */
@ConfigurationProperties("motcua.zalo")
public record ZaloProperties(String appId, String oaId, String oaSecretKey, String appSecret, String refreshToken,
                             String accessToken, String openapiUrl, String oauthUrl, int maxBodyBytes,
                             Duration maxEventAge, int sendConcurrency, int sendAttempts, Duration backoffMin,
                             Duration backoffMax, Duration sendTimeout, Duration refreshMargin,
                             Duration tokenCheckInterval) {

    public ZaloProperties {
        openapiUrl = blankOr(openapiUrl, "https://openapi.zalo.me");
        oauthUrl = blankOr(oauthUrl, "https://oauth.zaloapp.com");
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 1024 * 1024;
        maxEventAge = maxEventAge != null ? maxEventAge : Duration.ofHours(3);
        sendConcurrency = sendConcurrency > 0 ? sendConcurrency : 64;
        sendAttempts = sendAttempts > 0 ? sendAttempts : 4;
        backoffMin = backoffMin != null ? backoffMin : Duration.ofSeconds(1);
        backoffMax = backoffMax != null ? backoffMax : Duration.ofSeconds(30);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(10);
        refreshMargin = refreshMargin != null ? refreshMargin : Duration.ofHours(1);
        tokenCheckInterval = tokenCheckInterval != null ? tokenCheckInterval : Duration.ofMinutes(10);
    }

    /** Secrets never reach a log through this record. */
    @Override
    public String toString() {
        return "ZaloProperties[appId=" + appId + ", oaId=" + oaId + ", openapiUrl=" + openapiUrl + ", oauthUrl="
                + oauthUrl + ", secrets hidden]";
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
