package vn.motcua.channel.zalo;

import java.util.Set;

/**
 * An error from Zalo's OpenAPI and what to do about it (platforms.md §2.5): back off and retry on -32 (rate limit)
 * and on network errors and 5xx; refresh the token once on -216 / -220; give up for this person on the recipient
 * errors; record anything else with its meaning.
 */
final class ZaloSendError extends RuntimeException {

    static final Set<Integer> TOKEN_REJECTED = Set.of(-216, -220);
    static final Set<Integer> PERSON_UNREACHABLE = Set.of(-230, -232, -213, -217, -227, -244);
    static final int INVALID_PARAMETER = -201;

    final int httpStatus;
    final int code;

    ZaloSendError(int httpStatus, int code, String platformMessage) {
        super(describe(httpStatus, code, platformMessage));
        this.httpStatus = httpStatus;
        this.code = code;
    }

    boolean retryable() {
        if (code != 0) {
            return code == -32;
        }
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
    }

    boolean tokenRejected() {
        return TOKEN_REJECTED.contains(code);
    }

    boolean personUnreachable() {
        return PERSON_UNREACHABLE.contains(code);
    }

    private static String describe(int httpStatus, int code, String platformMessage) {
        return switch (code) {
            case -32 -> "rate limited (app or OA reached its per-minute API limit)";
            case -100 -> "attachment id expired";
            case -200 -> "send failed";
            case -201 -> "invalid parameter";
            case -204 -> "OA is disabled";
            case -205 -> "OA does not exist";
            case -209 -> "app is not activated";
            case -210 -> "a parameter exceeds its limit";
            case -211 -> "out of quota";
            case -212 -> "app has not registered this API";
            case -213 -> "person does not follow the OA";
            case -216 -> "access token invalid";
            case -217 -> "person blocked messages from the OA";
            case -218 -> "out of quota to receive";
            case -219 -> "app removed or disabled";
            case -220 -> "access token expired or removed";
            case -221 -> "OA is not verified";
            case -223 -> "OA has not authorised this API";
            case -224 -> "OA tier package required";
            case -227 -> "person is banned or inactive for more than 45 days";
            case -230 -> "person has not interacted with the OA in the past 7 days";
            case -232 -> "person has not interacted, or the interaction expired";
            case -233 -> "message type invalid";
            case -234 -> "this message type cannot be sent at night (22:00-06:00)";
            case -235 -> "API not available for this OA type";
            case -240 -> "message API v2 is shut down (use v3)";
            case -242 -> "invalid appsecret_proof";
            case -244 -> "person restricted this message type";
            case -248 -> "message violates platform standards";
            case -320 -> "a Zalo Cloud Account is needed";
            case -321 -> "Zalo Cloud Account has no balance";
            case 0 -> httpStatus == 0 ? "network error" : "HTTP " + httpStatus + " without a Zalo result";
            default -> "platform error " + code + (platformMessage == null ? "" : ": " + abbreviate(platformMessage));
        };
    }

    private static String abbreviate(String text) {
        String safe = text.replaceAll("[\\r\\n]", " ");
        return safe.length() <= 120 ? safe : safe.substring(0, 120);
    }
}
