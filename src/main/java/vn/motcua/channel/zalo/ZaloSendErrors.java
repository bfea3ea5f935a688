package vn.motcua.channel.zalo;

import java.util.Set;

import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendError.Kind;

/**
 * What Zalo's OpenAPI errors mean (platforms.md §2.5): -32 (rate limit), network errors and 5xx are worth a retry;
 * -216 / -220 mean the access token is refused (the sender refreshes it once); -230 / -232 mean the 7-day window has
 * closed and the other recipient errors that the person cannot be reached; anything else is this message's fault.
 */
final class ZaloSendErrors {

    static final Set<Integer> TOKEN_REJECTED = Set.of(-216, -220);
    static final Set<Integer> WINDOW_CLOSED = Set.of(-230, -232);
    static final Set<Integer> PERSON_UNREACHABLE = Set.of(-213, -217, -227, -244);
    static final int RATE_LIMITED = -32;
    static final int INVALID_PARAMETER = -201;

    private ZaloSendErrors() {
    }

    /** {@code code} is the body's {@code error}, 0 when the body had none (the HTTP status then decides). */
    static SendError classify(int httpStatus, int code, String platformMessage) {
        return new SendError(kind(httpStatus, code), httpStatus, code, 0, describe(httpStatus, code, platformMessage));
    }

    static SendError networkError() {
        return classify(0, 0, null);
    }

    private static Kind kind(int httpStatus, int code) {
        if (code == 0) {
            return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500 ? Kind.TEMPORARY : Kind.PERMANENT;
        }
        if (code == RATE_LIMITED) {
            return Kind.TEMPORARY;
        }
        if (TOKEN_REJECTED.contains(code)) {
            return Kind.TOKEN;
        }
        if (WINDOW_CLOSED.contains(code)) {
            return Kind.WINDOW_CLOSED;
        }
        return PERSON_UNREACHABLE.contains(code) ? Kind.UNREACHABLE : Kind.PERMANENT;
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
            default -> "platform error " + code
                    + (platformMessage == null ? "" : ": " + SendError.platformNote(platformMessage));
        };
    }
}
