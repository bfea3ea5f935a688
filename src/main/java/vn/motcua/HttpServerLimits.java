package vn.motcua;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.context.Context;
import reactor.netty.NettyPipeline;


/**
 * Time-outs and a connection limit on the Reactor Netty server (docs/security.md, "Slow clients"). Without them a
 * client that opens connections and sends one header line now and then holds each connection forever: 20,000 of them
 * used every file descriptor and nothing was answered any more, not even a signed webhook. With them a request's
 * headers must arrive within {@code MOTCUA_HTTP_HEADER_TIMEOUT} and its body within {@code MOTCUA_HTTP_BODY_TIMEOUT},
 * and at most {@code MOTCUA_HTTP_MAX_CONNECTIONS} connections are held at once. Streams (the web chat's and the
 * console's server-sent events) are not affected: their requests are complete, only their answers last.
 */
@Configuration(proxyBeanMethods = false)
class HttpServerLimits {

    @Bean
    ConnectionCount connectionCount(HttpServerProperties properties, MeterRegistry meters) {
        return new ConnectionCount(properties.maxConnections(), meters);
    }

    @Bean
    NettyServerCustomizer nettyTimeoutsAndConnectionLimit(HttpServerProperties properties, ConnectionCount connections,
                                           MeterRegistry meters) {
        long headerNanos = properties.headerTimeout().toNanos();
        Counter headerTimeouts = Counter.builder("motcua.http.closed").tag("reason", "header_timeout")
                .description("connections closed because a request's headers did not arrive in time")
                .register(meters);
        return server -> server
                .idleTimeout(properties.headerTimeout())
                .requestTimeout(properties.bodyTimeout())
                .doOnChannelInit((observer, channel, remote) -> {
                    channel.pipeline().addFirst("motcua.connectionLimit", connections);
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "motcua.headerDeadline",
                                new HeaderDeadline(headerNanos, headerTimeouts));
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "motcua.baselineHeaders",
                                BaselineHeaders.INSTANCE);
                    }
                });
    }

    /**
     * A body that did not arrive within {@code MOTCUA_HTTP_BODY_TIMEOUT}: 408 and the connection closed, counted,
     * without the 500 and the stack trace that the error would otherwise give (a slow client must not fill the log).
     */
    @Bean
    @Order(-2)
    WebExceptionHandler bodyTimeoutAnswer(MeterRegistry meters) {
        Counter bodyTimeouts = Counter.builder("motcua.http.closed").tag("reason", "body_timeout")
                .description("requests whose body did not arrive in time (answered 408)").register(meters);
        return (exchange, error) -> {
            Throwable cause = error;
            while (cause != null && !isRequestTimeout(cause)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                return Mono.error(error);
            }
            bodyTimeouts.increment();
            var response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.empty();
            }
            response.setStatusCode(HttpStatus.REQUEST_TIMEOUT);
            response.getHeaders().setConnection("close");
            return response.setComplete();
        };
    }

    /**
     * After that 408, Reactor Netty signals the same time-out once more to the finished body reader, and Reactor logs
     * the dropped error as an ERROR with its stack trace. Dropped time-outs are let go; any other dropped error is
     * logged as Reactor would.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    WebFilter bodyTimeoutQuiet() {
        Logger reactor = Loggers.getLogger(Operators.class);
        Consumer<Throwable> dropped = error -> {
            if (!isRequestTimeout(error)) {
                reactor.error("Operator called default onErrorDropped", error);
            }
        };
        return (exchange, chain) -> chain.filter(exchange).contextWrite(Context.of(ON_ERROR_DROPPED, dropped));
    }

    /** Reactor's key for a hook on dropped errors local to one subscription ({@code Hooks.KEY_ON_ERROR_DROPPED}). */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

    /** Reactor Netty's {@code RequestTimeoutException} is package-private: recognised by its name. */
    private static boolean isRequestTimeout(Throwable error) {
        return "reactor.netty.http.server.RequestTimeoutException".equals(error.getClass().getName());
    }

    /**
     * The strictest headers on an answer that Spring never saw (a request Netty could not decode or turn into a URI,
     * a body time-out's 408): every answer of the service carries a policy, whoever wrote it. An answer that has one
     * already is left as it is.
     */
    @ChannelHandler.Sharable
    static final class BaselineHeaders extends ChannelOutboundHandlerAdapter {

        static final BaselineHeaders INSTANCE = new BaselineHeaders();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && !response.headers().contains("Content-Security-Policy")) {
                HttpHeaders headers = response.headers();
                headers.set("Content-Security-Policy", PathGuard.REFUSAL_CSP);
                headers.set("Cache-Control", "no-store");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
            }
            super.write(ctx, msg, promise);
        }
    }

    /** Counts open connections and closes new ones beyond the limit. One instance for every connection. */
    @ChannelHandler.Sharable
    static final class ConnectionCount extends ChannelInboundHandlerAdapter {

        private final int max;
        private final AtomicInteger open = new AtomicInteger();
        private final Counter refused;

        ConnectionCount(int max, MeterRegistry meters) {
            this.max = max;
            Gauge.builder("motcua.http.connections", open, AtomicInteger::get)
                    .description("HTTP connections open on the public port").register(meters);
            this.refused = Counter.builder("motcua.http.closed").tag("reason", "connection_limit")
                    .description("connections closed at once because MOTCUA_HTTP_MAX_CONNECTIONS were open")
                    .register(meters);
        }

        int open() {
            return open.get();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (open.incrementAndGet() > max) {
                refused.increment();
                ctx.close();
                return;
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            open.decrementAndGet();
            super.channelInactive(ctx);
        }
    }

    /**
     * Closes a connection whose request headers are not complete within the time-out, counted from when it opened or
     * from the end of its last answer. A read time-out alone would not do: a slow client resets it with every line.
     */
    static final class HeaderDeadline extends ChannelDuplexHandler {

        private final long timeoutNanos;
        private final Counter timeouts;
        private ScheduledFuture<?> deadline;
        /** Closed by this deadline: the half-read request the decoder hands on at close is dropped, not logged. */
        private boolean expired;
        /** Requests whose headers arrived and whose answers are not finished yet (pipelining). */
        private int inFlight;

        HeaderDeadline(long timeoutNanos, Counter timeouts) {
            this.timeoutNanos = timeoutNanos;
            this.timeouts = timeouts;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                arm(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            arm(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (expired) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest) {
                inFlight++;
                disarm();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent && inFlight > 0 && --inFlight == 0) {
                promise.addListener(written -> {
                    if (inFlight == 0) {
                        arm(ctx);
                    }
                });
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            disarm();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            disarm();
        }

        private void arm(ChannelHandlerContext ctx) {
            disarm();
            if (!ctx.channel().isActive()) {
                return;
            }
            deadline = ctx.executor().schedule(() -> {
                if (inFlight == 0 && ctx.channel().isActive()) {
                    timeouts.increment();
                    expired = true;
                    ctx.close();
                }
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
