package vn.motcua.channel.zalo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.micrometer.core.instrument.MeterRegistry;
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
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.outbox.SendOutcome;

/**
 * Sends consultation messages ({@code POST /v3.0/oa/message/cs}, header {@code access_token}). Zalo answers HTTP 200
 * for errors too, so a message counts as delivered only when the body says {@code "error": 0}. Rate limiting (-32),
 * network errors and 5xx are retried with exponential backoff and jitter; an expired token (-216 / -220) is refreshed
 * once and the message sent again; recipient errors mark the person unreachable; every failure is recorded.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloSendClient implements Sender {

    static final String SEND_PATH = "/v3.0/oa/message/cs";
    /** Consultation text limit (platforms.md §2.4). */
    static final int MAX_TEXT = 2000;

    private static final Logger log = LoggerFactory.getLogger(ZaloSendClient.class);

    private final ZaloProperties properties;
    private final ZaloAccessTokens tokens;
    private final ZaloButtons buttons;
    private final FailedSendLog failures;
    private final ReachabilityStore reachability;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final WebClient openapi;

    ZaloSendClient(ZaloProperties properties, ZaloAccessTokens tokens, ZaloButtons buttons, FailedSendLog failures,
                   ReachabilityStore reachability, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.tokens = tokens;
        this.buttons = buttons;
        this.failures = failures;
        this.reachability = reachability;
        this.json = json;
        this.meters = meters;
        this.openapi = PooledWebClient.create("zalo-send", properties.openapiUrl(), properties.sendConcurrency(),
                properties.sendTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public Mono<SendOutcome> send(OutboundMessage message) {
        List<Map<String, Object>> bodies = OutboundPart.split(message, MAX_TEXT).stream()
                .map(part -> body(message.to().userId(), part.text(), part.quickReplies()))
                .toList();
        // Stop at the first part that fails: the rest would fail the same way and only be recorded twice.
        return Flux.fromIterable(bodies)
                .concatMap(body -> deliver(message.conversationId(), body))
                .takeUntil(outcome -> !outcome.delivered())
                .last();
    }

    private Mono<SendOutcome> deliver(String conversationId, Map<String, Object> body) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean refreshed = new AtomicBoolean();
        AtomicBoolean withoutButtons = new AtomicBoolean();
        return Mono.defer(() -> attempt(body, attempts, refreshed, withoutButtons))
                .retryWhen(Retry.backoff(properties.sendAttempts() - 1L, properties.backoffMin())
                        .maxBackoff(properties.backoffMax())
                        .jitter(0.5)
                        .filter(e -> e instanceof ZaloSendError error && error.retryable())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .map(ok -> SendOutcome.delivered(attempts.get()))
                .onErrorResume(e -> recordFailure(conversationId, e, attempts.get()));
    }

    private Mono<JsonNode> attempt(Map<String, Object> body, AtomicInteger attempts, AtomicBoolean refreshed,
                                   AtomicBoolean withoutButtons) {
        return tokens.accessToken().flatMap(token -> post(body, token, attempts)
                .onErrorResume(ZaloSendError.class, e -> {
                    if (e.tokenRejected() && refreshed.compareAndSet(false, true)) {
                        return tokens.replaceRejected(token).flatMap(fresh -> post(body, fresh, attempts));
                    }
                    if (e.code == ZaloSendError.INVALID_PARAMETER && hasButtons(body)
                            && withoutButtons.compareAndSet(false, true)) {
                        // The text-with-buttons shape is not on a Zalo page we could read (see body()): if Zalo
                        // refuses it, the person still gets the words.
                        log.warn("Zalo refused a message with buttons as an invalid parameter; sent its text alone");
                        meters.counter("motcua.zalo.buttons.refused").increment();
                        return post(textOnly(body), token, attempts);
                    }
                    return Mono.error(e);
                }));
    }

    private Mono<JsonNode> post(Map<String, Object> body, String token, AtomicInteger attempts) {
        return Mono.defer(() -> {
            attempts.incrementAndGet();
            return openapi.post()
                    .uri(SEND_PATH)
                    .header("access_token", token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(text -> result(response.statusCode().value(), text)))
                    .onErrorMap(WebClientRequestException.class, e -> new ZaloSendError(0, 0, null));
        });
    }

    /** Success is {@code "error": 0} in the body, whatever the HTTP status says. */
    private JsonNode result(int status, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new ZaloSendError(status, 0, null);
        }
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isNumber() && !error.isString()) {
            throw new ZaloSendError(status, 0, null);
        }
        int code = error.asInt(Integer.MIN_VALUE);
        if (code == 0) {
            return root;
        }
        throw new ZaloSendError(status, code == Integer.MIN_VALUE ? -1 : code, root.path("message").asString(null));
    }

    private Mono<SendOutcome> recordFailure(String conversationId, Throwable e, int attempts) {
        FailedSend failure;
        boolean unreachable = false;
        if (e instanceof ZaloSendError error) {
            failure = new FailedSend(Channel.ZALO, conversationId, error.code != 0 ? error.code : error.httpStatus, 0,
                    error.getMessage(), !error.retryable(), attempts, Instant.now());
            unreachable = error.personUnreachable();
        } else if (e instanceof ZaloTokenException token) {
            failure = new FailedSend(Channel.ZALO, conversationId, -216, 0,
                    "no valid access token: " + token.getMessage(), token.rejected, attempts, Instant.now());
        } else {
            failure = new FailedSend(Channel.ZALO, conversationId, 0, 0, e.getClass().getSimpleName(), false, attempts,
                    Instant.now());
        }
        failures.record(failure);
        Mono<Void> mark = unreachable
                ? reachability.markUnreachable(conversationId, "zalo " + failure.code() + ": " + failure.reason())
                : Mono.empty();
        return mark.thenReturn(SendOutcome.failed(failure));
    }

    /**
     * A consultation message: {@code {"recipient":{"user_id"},"message":{"text"}}} (platforms.md §2.4; the official
     * Java SDK's {@code v3/SendTextCSMessage}). With buttons, {@code message} also carries a template attachment whose
     * payload holds only {@code buttons}, as in the SDK's {@code SendListMessage} ({@code text} beside
     * {@code attachment: {type: "template", payload}}) and its {@code v3/SendTransactionMessage} (button objects
     * {@code {title, type: "oa.query.show", payload: "<text>"}} and {@code {title, type: "oa.open.phone",
     * payload: {phone_code}}}); limits from the docs' button table (title ≤ 100 characters, query payload ≤ 1000).
     * No official v3 page showing text with buttons could be read here, hence the text-only fallback on -201.
     */
    private Map<String, Object> body(String userId, String text, List<QuickReplyOption> options) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", text);
        if (!options.isEmpty()) {
            message.put("attachment", Map.of("type", "template",
                    "payload", Map.of("buttons", buttons.render(options))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", Map.of("user_id", userId));
        body.put("message", message);
        return body;
    }

    private static boolean hasButtons(Map<String, Object> body) {
        return body.get("message") instanceof Map<?, ?> message && message.containsKey("attachment");
    }

    private static Map<String, Object> textOnly(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", ((Map<?, ?>) body.get("message")).get("text"));
        copy.put("message", message);
        return copy;
    }
}
