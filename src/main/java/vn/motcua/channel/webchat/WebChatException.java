package vn.motcua.channel.webchat;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request the web chat API refuses, with what an integrator needs to fix it: a stable {@code code} and an English
 * {@code message}. Written to the client as {@code {"error": code, "message": message}}.
 */
class WebChatException extends RuntimeException {

    final HttpStatus status;
    final String code;
    final Duration retryAfter;

    WebChatException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    WebChatException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static WebChatException unknownSession() {
        return new WebChatException(HttpStatus.NOT_FOUND, "session_not_found",
                "Unknown or expired session. Create a new one with POST /webchat/sessions.");
    }

    static WebChatException badRequest(String code, String message) {
        return new WebChatException(HttpStatus.BAD_REQUEST, code, message);
    }
}
