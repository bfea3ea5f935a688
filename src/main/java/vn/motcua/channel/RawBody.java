package vn.motcua.channel;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * Reads a webhook body as the exact bytes received, because signatures are computed over those bytes, and refuses
 * bodies over a limit with 413 before holding them in memory. A body that never arrives in full (the client hung up
 * mid-upload) is a 400 that is counted ({@code reason=incomplete_body}), not an ERROR with a stack trace.
 */
public final class RawBody {

    private RawBody() {
    }

    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes) {
        return read(request, maxBytes, null);
    }

    /** The same, counting (and at most once a minute logging) an aborted upload in {@code refusals}. */
    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes, RateLimitedLog refusals) {
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(RawBody::toBytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                // A body that stopped arriving for MOTCUA_HTTP_BODY_TIMEOUT is the server's 408 (HttpServerLimits),
                // not a client that hung up: it passes through.
                .onErrorMap(e -> !(e instanceof ResponseStatusException) && !bodyTimedOut(e), e -> {
                    if (refusals != null) {
                        refusals.warn("incomplete_body", "Gave up on request bodies that did not arrive in full");
                    }
                    return new IncompleteBody();
                });
    }

    /** Reactor Netty's {@code RequestTimeoutException} is package-private: recognised by its name. */
    private static boolean bodyTimedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if ("reactor.netty.http.server.RequestTimeoutException".equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "webhook body is larger than allowed");
    }

    /** The client stopped sending before the body was complete; nobody is left to read the answer. */
    public static final class IncompleteBody extends ResponseStatusException {

        IncompleteBody() {
            super(HttpStatus.BAD_REQUEST, "the request body did not arrive in full");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
