package vn.motcua.channel.webchat;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;
import vn.motcua.outbox.Sender;

/**
 * Delivers messages to a web chat session's event stream. There is no platform in between, so nothing is retried: a
 * session that is closed, expired or not reading (its buffer full) gets a failed outcome. A caseworker's message
 * ({@link Purpose#HUMAN_AGENT}) shows as theirs.
 */
@Component
class WebChatClient implements Sender {

    private static final Logger log = LoggerFactory.getLogger(WebChatClient.class);
    private static final SendError SESSION_GONE = new SendError(SendError.Kind.PERMANENT, 410, 0, 0,
            "web chat session closed, expired or not reading");

    private final WebChatRelay streams;
    private final WebChatSessionStore sessions;
    private final MessageRateLimiter limiter;
    private final FailedSendLog failures;

    WebChatClient(WebChatRelay streams, WebChatSessionStore sessions, MessageRateLimiter limiter,
                  FailedSendLog failures) {
        this.streams = streams;
        this.sessions = sessions;
        this.limiter = limiter;
        this.failures = failures;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public Mono<SendOutcome> send(OutboundMessage message) {
        String session = message.to().userId();
        return streams.publish(session, event(message)).flatMap(published -> {
            if (published) {
                // Erased from inside the chat: the session ends as it does for DELETE /webchat/sessions/{id}; the
                // stream closes after this last answer.
                return message.endsConversation()
                        ? sessions.close(session).then(streams.close(session))
                        .then(Mono.fromRunnable(() -> limiter.forget(session))).thenReturn(SendOutcome.delivered(1))
                        : Mono.just(SendOutcome.delivered(1));
            }
            // No conversation id: the session is usually one the person erased or left, and a failure record
            // linked to it would be a trace of a conversation that was meant to be gone.
            FailedSend failure = FailedSend.of(Channel.WEBCHAT, null, message.messageId(), SESSION_GONE, 1,
                    Instant.now());
            return failures.record(failure)
                    .onErrorResume(e -> {
                        log.error("Could not record a failed send on webchat: {}", e.toString());
                        return Mono.empty();
                    })
                    .thenReturn(SendOutcome.failed(failure));
        });
    }

    private static WebChatEvent event(OutboundMessage message) {
        String from = message.purpose() == Purpose.HUMAN_AGENT ? WebChatEvent.CASEWORKER : WebChatEvent.BOT;
        return new WebChatEvent(from, message.text(),
                message.quickReplies().stream().map(WebChatEvent.Button::of).toList());
    }
}
