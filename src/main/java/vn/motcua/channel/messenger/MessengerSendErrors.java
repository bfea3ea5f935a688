package vn.motcua.channel.messenger;

import java.util.Set;

import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendError.Kind;

/**
 * What the Send API's errors mean (platforms.md §1.6): 5xx and the rate-limit and temporary codes are worth a retry;
 * a closed window (10 / 2018278) and an unavailable person (551) mean nothing reaches them until they write again;
 * 190 means the page token is refused; a bad parameter or a missing permission is this message's fault.
 */
final class MessengerSendErrors {

    static final int TOKEN_REJECTED = 190;
    static final int PERSON_UNAVAILABLE = 551;
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 4, 17, 32, 613);
    /** "This message is sent outside of allowed window" (2534022 is Instagram's). */
    private static final Set<Integer> OUTSIDE_WINDOW_SUBCODES = Set.of(2018278, 2534022);

    private MessengerSendErrors() {
    }

    static SendError classify(int httpStatus, int code, int subcode, String platformMessage) {
        return new SendError(kind(httpStatus, code, subcode), httpStatus, code, subcode,
                describe(httpStatus, code, subcode, platformMessage));
    }

    static SendError networkError() {
        return classify(0, 0, 0, null);
    }

    private static Kind kind(int httpStatus, int code, int subcode) {
        if (OUTSIDE_WINDOW_SUBCODES.contains(subcode)) {
            return Kind.WINDOW_CLOSED;
        }
        if (code == PERSON_UNAVAILABLE) {
            return Kind.UNREACHABLE;
        }
        if (code == TOKEN_REJECTED) {
            return Kind.TOKEN;
        }
        if (code != 0) {
            return TEMPORARY_CODES.contains(code) ? Kind.TEMPORARY : Kind.PERMANENT;
        }
        return httpStatus >= 500 || httpStatus == 429 || httpStatus == 0 ? Kind.TEMPORARY : Kind.PERMANENT;
    }

    private static String describe(int httpStatus, int code, int subcode, String platformMessage) {
        if (OUTSIDE_WINDOW_SUBCODES.contains(subcode)) {
            return "outside the messaging window";
        }
        return switch (code) {
            case PERSON_UNAVAILABLE -> "person is not available (messages turned off or blocked)";
            case 100 -> "invalid parameter";
            case TOKEN_REJECTED -> "page access token rejected";
            case 200 -> "permission missing";
            case 1, 2 -> "temporary platform error";
            case 4, 17, 32, 613 -> "rate limited";
            case 0 -> httpStatus == 0 ? "network error" : "HTTP " + httpStatus;
            default -> "platform error " + code
                    + (platformMessage == null ? "" : ": " + SendError.platformNote(platformMessage));
        };
    }
}
