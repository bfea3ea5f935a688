package vn.motcua.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;

/**
 * The one way a platform's Send API is used, whatever the channel: a message's parts, already rendered by the
 * channel, go out in order; a {@link SendError.Kind#TEMPORARY temporary} failure is retried with exponential backoff
 * and jitter; the first part that fails for good stops the parts after it (sent alone they would garble the answer,
 * and they would fail the same way); every failure is recorded in the {@link FailedSendLog}; and a failure that says
 * the person cannot be reached ({@link SendError.Kind#personUnreachable()}) marks them so in the
 * {@link ReachabilityStore}, on every channel for the same reasons.
 *
 * <p>What is particular to a platform stays in its channel: rendering, the classification of its error codes into
 * {@link SendError} kinds, and any repair it can make inside one attempt (Zalo refreshes a refused token once).
 */
public final class RetryingDelivery {

    /**
     * @param attempts   most attempts for one part, the first included
     * @param backoffMin the wait before the first retry; each later one waits about twice as long
     * @param backoffMax the longest wait between two attempts
     */
    public record Settings(int attempts, Duration backoffMin, Duration backoffMax) {

        public Settings {
            attempts = Math.max(1, attempts);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RetryingDelivery.class);

    private final Channel channel;
    private final Settings settings;
    private final FailedSendLog failures;
    private final ReachabilityStore reachability;
    private final Clock clock;

    public RetryingDelivery(Channel channel, Settings settings, FailedSendLog failures,
                            ReachabilityStore reachability) {
        this(channel, settings, failures, reachability, Clock.systemUTC());
    }

    RetryingDelivery(Channel channel, Settings settings, FailedSendLog failures, ReachabilityStore reachability,
                     Clock clock) {
        this.channel = channel;
        this.settings = settings;
        this.failures = failures;
        this.reachability = reachability;
        this.clock = clock;
    }

    /**
     * Delivers {@code parts} of {@code message} in order. Each part is a cold {@code Mono}: every subscription is one
     * attempt, which completes when the platform took the part and errors with a {@link SendError} when it did not
     * (any other error counts as a permanent, unexpected failure). Never errors.
     */
    public Mono<SendOutcome> deliver(OutboundMessage message, List<Mono<Void>> parts) {
        return Flux.fromIterable(parts)
                .concatMap(part -> deliverPart(message, part))
                .takeUntil(outcome -> !outcome.delivered())
                .last(SendOutcome.delivered(0));
    }

    /**
     * Records {@code message} as failed without asking the platform, for what this channel cannot send (yet), in the
     * same way as a failure the platform reported.
     */
    public Mono<SendOutcome> refuse(OutboundMessage message, SendError error) {
        return failed(message, error, 0);
    }

    private Mono<SendOutcome> deliverPart(OutboundMessage message, Mono<Void> part) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return part;
                })
                .retryWhen(Retry.backoff(settings.attempts() - 1L, settings.backoffMin())
                        .maxBackoff(settings.backoffMax())
                        .jitter(0.5)
                        .filter(e -> e instanceof SendError error && error.kind().retryable())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .then(Mono.fromSupplier(() -> SendOutcome.delivered(attempts.get())))
                .onErrorResume(e -> failed(message, SendError.unexpected(e), attempts.get()));
    }

    private Mono<SendOutcome> failed(OutboundMessage message, SendError error, int attempts) {
        FailedSend failure = FailedSend.of(channel, message.conversationId(), message.messageId(), error, attempts,
                clock.instant());
        Mono<Void> mark = error.kind().personUnreachable() && message.conversationId() != null
                ? reachability.markUnreachable(message.conversationId(),
                        channel.id() + " " + failure.code() + ": " + failure.reason())
                : Mono.empty();
        return failures.record(failure)
                .then(mark)
                .onErrorResume(e -> {
                    // The outcome still says what happened; only the record of it is missing.
                    log.error("Could not record a failed send on {}: {}", channel.id(), e.toString());
                    return Mono.empty();
                })
                .thenReturn(SendOutcome.failed(failure));
    }
}
