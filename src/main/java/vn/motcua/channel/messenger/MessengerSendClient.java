package vn.motcua.channel.messenger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.message.Channel;
import vn.motcua.outbox.Sender;
import vn.motcua.outbox.FailedSend;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.message.OutboundMessage;
import vn.motcua.channel.OutboundPart;
import vn.motcua.channel.PooledWebClient;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.SendOutcome;

/**
 * The Messenger Send API client ({@code POST /{version}/me/messages}). Concurrency is bounded by the connection pool,
 * temporary errors are retried with exponential backoff and jitter, and every message that cannot be delivered is
 * recorded in the {@link FailedSendLog}.
 */
@Component
@Conditional(MessengerEnabled.class)
class MessengerSendClient implements Sender {

    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;

    private static final Logger log = LoggerFactory.getLogger(MessengerSendClient.class);

    private final MessengerProperties properties;
    private final FailedSendLog failures;
    private final ObjectMapper json;
    private final WebClient graph;

    MessengerSendClient(MessengerProperties properties, FailedSendLog failures, ObjectMapper json) {
        this.properties = properties;
        this.failures = failures;
        this.json = json;
        this.graph = PooledWebClient.create("messenger-send", properties.graphUrl(), properties.sendConcurrency(),
                properties.sendTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.MESSENGER;
    }

    @Override
    public Mono<SendOutcome> send(OutboundMessage message) {
        List<Map<String, Object>> bodies = OutboundPart.split(message, MAX_TEXT).stream()
                .map(part -> messageBody(message.to(), part.text(), part.quickReplies()))
                .toList();
        return Flux.fromIterable(bodies)
                .concatMap(body -> deliver(message.conversationId(), body))
                .reduce((first, next) -> first.delivered() ? next : first);
    }

    @Override
    public Mono<Void> showTyping(ReplyAddress to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient(to));
        body.put("sender_action", "typing_on");
        return post(body).then().onErrorResume(e -> Mono.empty());
    }

    private Mono<SendOutcome> deliver(String conversationId, Map<String, Object> body) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return post(body);
                })
                .retryWhen(Retry.backoff(properties.sendAttempts() - 1L, properties.backoffMin())
                        .maxBackoff(properties.backoffMax())
                        .jitter(0.5)
                        .filter(e -> e instanceof MessengerSendError error && error.retryable())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .map(ok -> SendOutcome.delivered(attempts.get()))
                .onErrorResume(e -> Mono.just(recordFailure(conversationId, e, attempts.get())));
    }

    private SendOutcome recordFailure(String conversationId, Throwable e, int attempts) {
        MessengerSendError error = e instanceof MessengerSendError known ? known
                : new MessengerSendError(0, 0, 0, e.getClass().getSimpleName());
        if (error.tokenRejected()) {
            log.error("ALERT: Messenger rejected the page access token (code 190). Replies cannot be sent until "
                    + "MESSENGER_PAGE_TOKEN is replaced.");
        }
        FailedSend failure = new FailedSend(Channel.MESSENGER, conversationId,
                error.code != 0 ? error.code : error.httpStatus, error.subcode, error.getMessage(),
                !error.retryable(), attempts, Instant.now());
        failures.record(failure);
        return SendOutcome.failed(failure);
    }

    private Mono<String> post(Map<String, Object> body) {
        return graph.post()
                .uri(uri -> uri.path("/{version}/me/messages")
                        .queryParam("access_token", "{token}")
                        .build(properties.apiVersion(), properties.pageToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return Mono.just(text);
                    }
                    return Mono.error(parseError(response.statusCode().value(), text));
                }))
                .onErrorMap(WebClientRequestException.class, e -> new MessengerSendError(0, 0, 0, "network error"));
    }

    private MessengerSendError parseError(int status, String text) {
        try {
            JsonNode error = json.readTree(text).path("error");
            return new MessengerSendError(status, error.path("code").asInt(0), error.path("error_subcode").asInt(0),
                    error.path("message").asString(null));
        } catch (JacksonException e) {
            return new MessengerSendError(status, 0, 0, null);
        }
    }

    private static Map<String, Object> messageBody(ReplyAddress to, String text, List<QuickReplyOption> options) {
        // A Messenger quick reply cannot dial: call buttons are left out, and the number stays in the text, where
        // the Messenger apps make it tappable. (The phone_number template button needs a +country number, which
        // short codes such as 113 do not have.)
        List<QuickReplyOption> quickReplies = options.stream().filter(o -> !o.dials()).toList();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", text);
        if (!quickReplies.isEmpty()) {
            message.put("quick_replies", quickReplies.stream().limit(MAX_QUICK_REPLIES)
                    .map(MessengerSendClient::quickReply).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient(to));
        body.put("messaging_type", "RESPONSE");
        body.put("message", message);
        return body;
    }

    private static Map<String, Object> quickReply(QuickReplyOption option) {
        String title = option.title().length() <= MAX_TITLE ? option.title() : option.title().substring(0, MAX_TITLE);
        return Map.of("content_type", "text", "title", title, "payload", option.payload());
    }

    private static Map<String, Object> recipient(ReplyAddress to) {
        return Map.of(to.userRef() ? "user_ref" : "id", to.userId());
    }
}
