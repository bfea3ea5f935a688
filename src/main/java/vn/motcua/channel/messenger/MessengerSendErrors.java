package vn.motcua.channel.messenger;

import java.util.Set;

/**
 * A Send API error and what to do about it (platforms.md §1.6): retry with backoff on 5xx and the rate-limit and
 * temporary codes; never retry a closed window, an unavailable person, a bad parameter, a bad token or a permission.
 */
final class MessengerSendError extends RuntimeException {

    private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 17, 32, 613);

    final int httpStatus;
    final int code;
    final int subcode;

    MessengerSendError(int httpStatus, int code, int subcode, String platformMessage) {
        super(describe(httpStatus, code, subcode, platformMessage));
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
    }

    boolean retryable() {
        if (code != 0) {
            return RETRYABLE_CODES.contains(code);
        }
        return httpStatus >= 500 || httpStatus == 429 || httpStatus == 0;
    }

    boolean tokenRejected() {
        return code == 190;
    }

    private static String describe(int httpStatus, int code, int subcode, String platformMessage) {
        if (code == 10 && subcode == 2018278) {
            return "outside the messaging window";
        }
        return switch (code) {
            case 551 -> "person is not available (messages turned off or blocked)";
            case 100 -> "invalid parameter";
            case 190 -> "page access token rejected";
            case 200 -> "permission missing";
            case 1, 2 -> "temporary platform error";
            case 4, 17, 32, 613 -> "rate limited";
            case 0 -> httpStatus == 0 ? "network error" : "HTTP " + httpStatus;
            default -> "platform error" + (platformMessage == null ? "" : ": " + abbreviate(platformMessage));
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120);
    }
}
