package vn.motcua.channel.zalo;

/** The body is not a Zalo webhook event (not JSON, or without an event name or timestamp). */
class MalformedZaloEventException extends RuntimeException {

    MalformedZaloEventException(String message) {
        super(message);
    }
}
