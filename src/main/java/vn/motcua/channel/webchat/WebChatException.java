package vn.motcua.channel.webchat;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the web chat API refuses, with what an integrator needs to fix it: a stable {@code code} and an English
 * {@code message}. Written to the client as {@code {"error": code, "message": message}}.
 */
class WebChatException extends RuntimeException {

    /**
     * What the web chat page shows the person when the service cannot take messages (the store is away): plain
     * Vietnamese, with the hotlines in the same words as the page's own notice.
     */
    static final String UNAVAILABLE_NOTICE = "Lúc này hệ thống tạm thời không nhận được tin nhắn. Bạn vui lòng thử "
            + "lại sau ít phút. Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113 (công an). Trẻ em cần giúp đỡ: gọi 111 "
            + "(miễn phí, 24/7).";

    final HttpStatus status;
    final String code;
    final Duration retryAfter;
    /** A sentence for the person (Vietnamese), shown by the page as it is; null when the page words it itself. */
    final String notice;

    /** Hotlines in every notice that turns a person away: nobody in danger may be left without them. */
    static final String HOTLINES = "Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113 (công an). Trẻ em cần giúp: gọi 111 "
            + "(Tổng đài quốc gia bảo vệ trẻ em, miễn phí).";

    WebChatException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    WebChatException(HttpStatus status, String code, String message, Duration retryAfter) {
        this(status, code, message, retryAfter, null);
    }

    WebChatException(HttpStatus status, String code, String message, Duration retryAfter, String notice) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.notice = notice;
    }

    /** The store is away: 503, and the notice with the hotlines. */
    static WebChatException unavailable() {
        return new WebChatException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The service cannot take messages right now. Try again in a few minutes.", Duration.ofSeconds(30),
                UNAVAILABLE_NOTICE);
    }

    /**
     * Any failure that is not already a refusal of the request (ours, or the body reader's 400 and 413) means the
     * service could not hold it.
     */
    static Throwable orUnavailable(Throwable e) {
        return e instanceof WebChatException || e instanceof ResponseStatusException ? e : unavailable();
    }

    static WebChatException tooManySessions(Duration wait) {
        return new WebChatException(HttpStatus.TOO_MANY_REQUESTS, "too_many_sessions",
                "Too many sessions opened from this address. Try again later.", wait,
                "Từ thiết bị hoặc mạng này đã có nhiều cuộc trò chuyện được mở trong thời gian ngắn. Bạn vui lòng "
                        + "đợi vài phút rồi thử lại. " + HOTLINES);
    }

    static WebChatException storeFull() {
        return new WebChatException(HttpStatus.SERVICE_UNAVAILABLE, "service_busy",
                "Every web chat session is in use. Try again in a minute.", Duration.ofMinutes(1),
                "Hiện có rất nhiều người đang trò chuyện nên dịch vụ chưa mở được cuộc trò chuyện mới cho bạn. "
                        + "Bạn vui lòng thử lại sau ít phút. " + HOTLINES);
    }

    static WebChatException tooManyStreams() {
        return new WebChatException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
                "This session already has as many open event streams as allowed. Close one (another tab) first.",
                Duration.ofSeconds(15),
                "Cuộc trò chuyện này đang mở ở nhiều thẻ trình duyệt. Bạn hãy đóng bớt một thẻ rồi tải lại trang.");
    }

    static WebChatException unknownSession() {
        return new WebChatException(HttpStatus.NOT_FOUND, "session_not_found",
                "Unknown or expired session. Create a new one with POST /webchat/sessions.");
    }

    static WebChatException badRequest(String code, String message) {
        return new WebChatException(HttpStatus.BAD_REQUEST, code, message);
    }
}
