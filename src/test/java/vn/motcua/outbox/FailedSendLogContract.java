package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import vn.motcua.message.Channel;

/** What every {@link FailedSendLog} adapter must do; each adapter's test extends this. */
abstract class FailedSendLogContract {

    abstract FailedSendLog log();

    @Test
    void aRecordedFailureIsReadBackWithEverythingItSaid() {
        String conversation = "test:" + UUID.randomUUID();
        FailedSend failure = failure(conversation, SendError.Kind.WINDOW_CLOSED);

        StepVerifier.create(log().record(failure)).verifyComplete();

        StepVerifier.create(log().forConversation(conversation)).expectNext(failure).verifyComplete();
        assertThat(log().recent().collectList().block()).contains(failure);
    }

    @Test
    void aConversationsFailuresComeInTheOrderTheyWereRecordedAndOnlyItsOwn() {
        String conversation = "test:" + UUID.randomUUID();
        String other = "test:" + UUID.randomUUID();
        FailedSend first = failure(conversation, SendError.Kind.TEMPORARY);
        FailedSend ofAnother = failure(other, SendError.Kind.PERMANENT);
        FailedSend second = failure(conversation, SendError.Kind.UNREACHABLE);
        log().record(first).then(log().record(ofAnother)).then(log().record(second)).block();

        StepVerifier.create(log().forConversation(conversation)).expectNext(first, second).verifyComplete();
        assertThat(log().recent().collectList().block()).containsSubsequence(first, ofAnother, second);
    }

    @Test
    void forgettingAConversationDropsAllItsFailuresAndNoOtherOnes() {
        String conversation = "test:" + UUID.randomUUID();
        String other = "test:" + UUID.randomUUID();
        FailedSend kept = failure(other, SendError.Kind.PERMANENT);
        log().record(failure(conversation, SendError.Kind.PERMANENT))
                .then(log().record(failure(conversation, SendError.Kind.TOKEN)))
                .then(log().record(kept)).block();

        StepVerifier.create(log().forget(conversation)).verifyComplete();

        StepVerifier.create(log().forConversation(conversation)).verifyComplete();
        assertThat(log().recent().collectList().block()).noneMatch(f -> conversation.equals(f.conversationId()))
                .contains(kept);
        StepVerifier.create(log().forConversation(other)).expectNext(kept).verifyComplete();
    }

    @Test
    void forgettingAConversationWithoutFailuresIsHarmless() {
        StepVerifier.create(log().forget("test:" + UUID.randomUUID())).verifyComplete();
    }

    @Test
    void aFailureWithoutAConversationIsKept() {
        FailedSend anonymous = new FailedSend(Channel.WEBCHAT, null, UUID.randomUUID().toString(),
                SendError.Kind.PERMANENT, 410, 0, "web chat session closed", 1, now());
        log().record(anonymous).block();

        assertThat(log().recent().collectList().block()).contains(anonymous);
    }

    static FailedSend failure(String conversationId, SendError.Kind kind) {
        return new FailedSend(Channel.MESSENGER, conversationId, UUID.randomUUID().toString(), kind, 551, 1545041,
                "person is not available", 1, now());
    }

    /** Millisecond precision, which any store keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
