package vn.motcua.channel;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a client can make the service log is bounded: every occurrence is counted ({@code <counter>{channel, reason}}),
 * or {@code <counter>{reason}} when no channel is given, and one summary line per reason is written at most once per
 * period, with how many happened since the last one.
 * A flood of bad requests (a signed megabyte of empty events, unsigned posts, aborted uploads) thus writes a line a
 * minute, not a line a request.
 *
 * <p>The lines carry only what the caller wrote in code: a fixed description and a reason. Never pass anything taken
 * from a request (text, ids, header values): the log must stay free of personal data (DESIGN §7).
 */
public final class RateLimitedLog {

    /** Summary lines per reason: at most one per this period. */
    public static final Duration PERIOD = Duration.ofMinutes(1);

    private final Logger log;
    private final MeterRegistry meters;
    private final String counter;
    private final String channel;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLog(Class<?> owner, MeterRegistry meters, String counter, String channel) {
        this(LoggerFactory.getLogger(owner), meters, counter, channel, PERIOD, System::nanoTime);
    }

    RateLimitedLog(Logger log, MeterRegistry meters, String counter, String channel, Duration period,
                   LongSupplier nanoClock) {
        this.log = log;
        this.meters = meters;
        this.counter = counter;
        this.channel = channel;
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Counts one occurrence of {@code reason}, described by the fixed {@code what}, and maybe writes a WARN line. */
    public void warn(String reason, String what) {
        count(reason, 1, what, true);
    }

    /** The same at INFO, for what is expected now and then (an unknown event type) rather than a refusal. */
    public void info(String reason, String what) {
        count(reason, 1, what, false);
    }

    /** Only counts: for what is routine (echoes of our own sends) and needs no line at all. */
    public void count(String reason) {
        increment(reason, 1);
    }

    /** Counts {@code times} occurrences at once (all the events of one delivery), with at most one line. */
    public void warn(String reason, long times, String what) {
        count(reason, times, what, true);
    }

    private void count(String reason, long times, String what, boolean warn) {
        if (times <= 0) {
            return;
        }
        increment(reason, times);
        Window window = windows.computeIfAbsent(reason, r -> new Window());
        window.pending.addAndGet(times);
        long now = nanoClock.getAsLong();
        long next = window.nextLineAt.get();
        if ((window.fresh || now - next >= 0) && window.nextLineAt.compareAndSet(next, now + periodNanos)) {
            window.fresh = false;
            long since = window.pending.getAndSet(0);
            if (warn) {
                log.warn("{}: {} since the last such line (counter {}, reason={}; at most one line a minute)", what,
                        since, counter, reason);
            } else {
                log.info("{}: {} since the last such line (counter {}, reason={}; at most one line a minute)", what,
                        since, counter, reason);
            }
        }
    }

    private void increment(String reason, long times) {
        if (channel == null) {
            meters.counter(counter, "reason", reason).increment(times);
        } else {
            meters.counter(counter, "channel", channel, "reason", reason).increment(times);
        }
    }

    private static final class Window {
        final AtomicLong pending = new AtomicLong();
        final AtomicLong nextLineAt = new AtomicLong();
        volatile boolean fresh = true;
    }
}
