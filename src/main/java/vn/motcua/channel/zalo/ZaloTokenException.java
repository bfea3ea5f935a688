package vn.motcua.channel.zalo;

/**
 * No usable access token. {@code rejected} means Zalo refused the refresh token (or it is missing): only an operator
 * can fix that, so the service raises an alert and stops asking instead of looping.
 */
class ZaloTokenException extends RuntimeException {

    final boolean rejected;

    ZaloTokenException(String message, boolean rejected) {
        super(message);
        this.rejected = rejected;
    }
}
