package vn.motcua;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock moved forward by as much as a test asks: time still passes, and "30 hours later" takes no waiting.
 * Import {@link Config} to make it the application's clock.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> stopped = new AtomicReference<>();

    /** A clock that stands still until moved, for tests that compare exact times. */
    public static MovableClock stopped() {
        MovableClock clock = new MovableClock();
        clock.stopped.set(Instant.now());
        return clock;
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        stopped.updateAndGet(at -> at == null ? null : at.plus(by));
    }

    /** Moves the clock so that it reads {@code at} now (forward or back). */
    public void set(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = stopped.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    /** Replaces the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
