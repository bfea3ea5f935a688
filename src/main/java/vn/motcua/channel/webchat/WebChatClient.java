package vn.motcua.channel.webchat;

import java.time.Instant;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.message.Channel;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.message.OutboundMessage;
import vn.motcua.outbox.SendOutcome;

/**
 * Delivers the bot's messages to a web chat session's event stream. There is no platform in between, so nothing is
 * retried: a session that is closed, expired or not reading (its buffer full) gets a failed outcome.
 */
@Component
class WebChatClient implements Sender {

    private final WebChatStreams streams;
    private final FailedSendLog failures;

    WebChatClient(WebChatStreams streams, FailedSendLog failures) {
        this.streams = streams;
        this.failures = failures;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public Mono<SendOutcome> send(OutboundMessage message) {
        return Mono.fromSupplier(() -> {
            WebChatEvent event = new WebChatEvent(WebChatEvent.BOT, message.text(), message.quickReplies());
            if (streams.publish(message.to().userId(), event)) {
                return SendOutcome.delivered(1);
            }
            // No conversation id: the session is usually one the person erased or left, and a failure record
            // linked to it would be a trace of a conversation that was meant to be gone.
            FailedSend failure = new FailedSend(Channel.WEBCHAT, null, 410, 0,
                    "web chat session closed, expired or not reading", true, 1, Instant.now());
            failures.record(failure);
            return SendOutcome.failed(failure);
        });
    }
}
