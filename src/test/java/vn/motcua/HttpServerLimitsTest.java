package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The two Netty handlers on their own, on embedded channels with a moved clock: the connection limit, and the header
 * deadline on a kept-alive connection (the slow-client test covers a real server, for the first request only).
 */
class HttpServerLimitsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndAClosedOneFreesItsPlace() {
        HttpServerLimits.ConnectionCount count = new HttpServerLimits.ConnectionCount(2, meters);
        EmbeddedChannel first = new EmbeddedChannel(count);
        EmbeddedChannel second = new EmbeddedChannel(count);
        EmbeddedChannel third = new EmbeddedChannel(count);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isTrue();
        assertThat(third.isOpen()).as("the third of two allowed").isFalse();
        assertThat(count.open()).isEqualTo(2);
        first.close();
        EmbeddedChannel fourth = new EmbeddedChannel(count);
        assertThat(fourth.isOpen()).isTrue();
        assertThat(meters.counter("motcua.http.closed", "reason", "connection_limit").count()).isEqualTo(1);
    }

    @Test
    void headersMustArriveInTimeAfterOpeningAndAfterEachAnswerButARequestBeingAnsweredIsNeverCut() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerLimits.HeaderDeadline(
                TimeUnit.SECONDS.toNanos(10), meters.counter("motcua.http.closed", "reason", "header_timeout")));
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/webchat/stream"));
        // A long answer (an event stream): the headers came in time, so nothing closes it.
        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        // Kept alive after the answer: the next request's headers have 10 s again.
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("no new request 11 s after the answer").isFalse();
        assertThat(meters.counter("motcua.http.closed", "reason", "header_timeout").count()).isEqualTo(1);
    }
}
