package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.ReplyAddress;

/** The delivery every platform channel shares: retries, the stop after a failed part, records and marks. */
class RetryingDeliveryTest {

    private final InMemoryFailedSendLog failures = new InMemoryFailedSendLog(new SimpleMeterRegistry());
    private final InMemoryReachabilityStore reachability = new InMemoryReachabilityStore(Duration.ofDays(30));
    private final RetryingDelivery delivery = new RetryingDelivery(Channel.ZALO,
            new RetryingDelivery.Settings(4, Duration.ofMillis(1), Duration.ofMillis(5)), failures, reachability);
    private final OutboundMessage message = OutboundMessage.response("conv-" + UUID.randomUUID(),
            ReplyAddress.of(Channel.ZALO, "123"), "Xin chào", List.of());

    @Test
    void aTemporaryFailureIsRetriedUntilThePartPasses() {
        Part part = new Part(error(SendError.Kind.TEMPORARY), error(SendError.Kind.TEMPORARY));

        SendOutcome outcome = delivery.deliver(message, List.of(part.mono())).block();

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.reason()).isEmpty();
        assertThat(recorded()).isEmpty();
    }

    @Test
    void aTemporaryFailureThatLastsIsRecordedAfterTheConfiguredAttemptsAsNotPermanent() {
        Part part = Part.alwaysFailing(error(SendError.Kind.TEMPORARY));

        SendOutcome outcome = delivery.deliver(message, List.of(part.mono())).block();

        assertThat(part.calls.get()).isEqualTo(4);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.kind()).contains(SendError.Kind.TEMPORARY);
        assertThat(outcome.failure().attempts()).isEqualTo(4);
        assertThat(outcome.failure().permanent()).isFalse();
        assertThat(recorded()).containsExactly(outcome.failure());
        assertThat(reachability.isUnreachable(message.conversationId()).block()).isFalse();
    }

    @Test
    void retriesWaitWithABackoffBetweenAttempts() {
        RetryingDelivery slow = new RetryingDelivery(Channel.MESSENGER,
                new RetryingDelivery.Settings(2, Duration.ofSeconds(1), Duration.ofSeconds(10)), failures,
                reachability);
        Part part = new Part(error(SendError.Kind.TEMPORARY));

        StepVerifier.withVirtualTime(() -> slow.deliver(message, List.of(part.mono())))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(400))
                .then(() -> assertThat(part.calls.get()).isEqualTo(1))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(outcome -> assertThat(outcome.delivered()).isTrue())
                .verifyComplete();
        assertThat(part.calls.get()).isEqualTo(2);
    }

    @Test
    void theFirstPartThatFailsForGoodStopsThePartsAfterIt() {
        Part first = new Part();
        Part second = Part.alwaysFailing(error(SendError.Kind.PERMANENT));
        Part third = new Part();

        SendOutcome outcome = delivery.deliver(message, List.of(first.mono(), second.mono(), third.mono())).block();

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.reason()).contains("refused as PERMANENT");
        assertThat(first.calls.get()).isEqualTo(1);
        assertThat(second.calls.get()).isEqualTo(1);
        assertThat(third.calls.get()).isZero();
        assertThat(recorded()).singleElement().satisfies(f -> {
            assertThat(f.channel()).isEqualTo(Channel.ZALO);
            assertThat(f.messageId()).isEqualTo(message.messageId());
            assertThat(f.code()).isEqualTo(-201);
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.permanent()).isTrue();
        });
    }

    @Test
    void partsGoOutInOrderEachAfterThePreviousOneWasTaken() {
        List<Integer> order = new ArrayList<>();
        List<Mono<Void>> parts = List.of(1, 2, 3).stream()
                .map(i -> Mono.<Void>fromRunnable(() -> order.add(i))).toList();

        assertThat(delivery.deliver(message, parts).block().delivered()).isTrue();
        assertThat(order).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @CsvSource({"WINDOW_CLOSED, true", "UNREACHABLE, true", "TOKEN, false", "PERMANENT, false"})
    void aFailureThatSaysThePersonCannotBeReachedMarksThemUnreachable(SendError.Kind kind, boolean marked) {
        Part part = Part.alwaysFailing(error(kind));

        SendOutcome outcome = delivery.deliver(message, List.of(part.mono())).block();

        assertThat(part.calls.get()).isEqualTo(1);
        assertThat(outcome.kind()).contains(kind);
        assertThat(reachability.isUnreachable(message.conversationId()).block()).isEqualTo(marked);
    }

    @Test
    void anErrorThatIsNoSendErrorIsRecordedAsAnUnexpectedPermanentFailure() {
        Mono<Void> broken = Mono.error(new IllegalStateException("bug"));

        SendOutcome outcome = delivery.deliver(message, List.of(broken)).block();

        assertThat(outcome.kind()).contains(SendError.Kind.PERMANENT);
        assertThat(outcome.reason()).contains("unexpected IllegalStateException");
        assertThat(recorded()).hasSize(1);
    }

    @Test
    void aRefusedMessageIsRecordedWithoutAnyAttempt() {
        SendOutcome outcome = delivery.refuse(message,
                new SendError(SendError.Kind.PERMANENT, 0, 0, 0, "campaign sends are not built yet")).block();

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isZero();
        assertThat(outcome.reason()).contains("campaign sends are not built yet");
        assertThat(recorded()).containsExactly(outcome.failure());
    }

    @Test
    void aPlatformsOwnMessageReachesTheReasonWithoutLongNumbersOrLineBreaks() {
        assertThat(SendError.platformNote("No user 1234567890123\nfound")).isEqualTo("No user # found");
        assertThat(SendError.platformNote("x".repeat(500))).hasSize(120);
    }

    private List<FailedSend> recorded() {
        return failures.forConversation(message.conversationId()).collectList().block();
    }

    private static SendError error(SendError.Kind kind) {
        return new SendError(kind, 200, -201, 0, "refused as " + kind);
    }

    /** A part whose attempts fail with the given errors, in order, then pass (or keep failing). */
    private static final class Part {

        final AtomicInteger calls = new AtomicInteger();
        private final List<SendError> errors;
        private final boolean always;

        Part(SendError... errors) {
            this(false, errors);
        }

        private Part(boolean always, SendError... errors) {
            this.errors = Arrays.asList(errors);
            this.always = always;
        }

        static Part alwaysFailing(SendError error) {
            return new Part(true, error);
        }

        Mono<Void> mono() {
            return Mono.defer(() -> {
                int call = calls.getAndIncrement();
                if (always) {
                    return Mono.error(errors.get(0));
                }
                return call < errors.size() ? Mono.error(errors.get(call)) : Mono.empty();
            });
        }
    }
}
