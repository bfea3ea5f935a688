package vn.motcua.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.motcua.conversation.ConversationLock;
import vn.motcua.handoff.HandoffRefusal;

/** A refused action as {@code {"error", "message"}} with its status (docs/api.md). */
@RestControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler(HandoffRefusal.class)
    ResponseEntity<ConsoleJson.Error> refused(HandoffRefusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CLAIMED, NOT_ASSIGNED, INVALID_TRANSITION -> HttpStatus.CONFLICT;
            case WINDOW_CLOSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        String code = switch (refusal.kind()) {
            case NOT_FOUND -> "not_found";
            case CLAIMED -> "claimed";
            case NOT_ASSIGNED -> "not_assigned";
            case WINDOW_CLOSED -> "window_closed";
            case INVALID_TRANSITION -> "invalid_transition";
            case INVALID -> "invalid";
        };
        return ResponseEntity.status(status).body(new ConsoleJson.Error(code, refusal.getMessage(), refusal.assignee()));
    }

    @ExceptionHandler(ConversationLock.LockTimeoutException.class)
    ResponseEntity<ConsoleJson.Error> busy(ConversationLock.LockTimeoutException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ConsoleJson.Error("busy",
                "Cuộc trò chuyện đang bận, hãy thử lại.", null));
    }
}
