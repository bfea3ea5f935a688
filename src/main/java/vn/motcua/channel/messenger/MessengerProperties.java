package vn.motcua.channel.messenger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Messenger settings, from MESSENGER_* environment variables (README, configuration table).
 *
 * @param sendConcurrency most Send API requests in flight at once
 * @param sendAttempts    most attempts for one message, the first included
 * @param maxEventAge     events whose timestamp is further than this from now are acknowledged and ignored as replays
 */
@ConfigurationProperties("motcua.messenger")
public record MessengerProperties(String verifyToken, String appSecret, String pageToken, String graphUrl,
                                  String apiVersion, int maxBodyBytes, int sendConcurrency, int sendAttempts,
                                  Duration backoffMin, Duration backoffMax, Duration sendTimeout,
                                  Duration maxEventAge) {

    public MessengerProperties {
        graphUrl = blankOr(graphUrl, "https://graph.facebook.com");
        apiVersion = blankOr(apiVersion, "v25.0");
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 1024 * 1024;
        sendConcurrency = sendConcurrency > 0 ? sendConcurrency : 256;
        sendAttempts = sendAttempts > 0 ? sendAttempts : 4;
        backoffMin = backoffMin != null ? backoffMin : Duration.ofMillis(200);
        backoffMax = backoffMax != null ? backoffMax : Duration.ofSeconds(5);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(10);
        maxEventAge = maxEventAge != null && !maxEventAge.isNegative() && !maxEventAge.isZero() ? maxEventAge : Duration.ofHours(8);
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
