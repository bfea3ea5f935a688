package vn.motcua.channel.zalo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.OutboundPart;
import vn.motcua.channel.PooledWebClient;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.outbox.RetryingDelivery;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;
import vn.motcua.outbox.Sender;

/**
 * Sends consultation messages ({@code POST /v3.0/oa/message/cs}, header {@code access_token}), for every purpose for
 * now. Zalo answers HTTP 200 for errors too, so a part counts as delivered only when the body says
 * {@code "error": 0}. Retries, the stop after a failed part, failure records and unreachable marks are the
 * {@link RetryingDelivery}'s, fed with {@link ZaloSendErrors}; what is Zalo's own happens inside one attempt: an
 * expired token (-216 / -220) is refreshed once and the part sent again, and buttons Zalo refuses are dropped.
 */
@Component
@Conditional(ZaloEnabled.class)
class ZaloSendClient implements Sender {

    static final String SEND_PATH = "/v3.0/oa/message/cs";
    /** Consultation text limit (platforms.md §2.4). */
    static final int MAX_TEXT = 2000;

    private static final Logger log = LoggerFactory.getLogger(ZaloSendClient.class);

    private final ZaloAccessTokens tokens;
    private final ZaloButtons buttons;
    private final RetryingDelivery delivery;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final WebClient openapi;

    ZaloSendClient(ZaloProperties properties, ZaloAccessTokens tokens, ZaloButtons buttons, FailedSendLog failures,
                   ReachabilityStore reachability, ObjectMapper json, MeterRegistry meters) {
        this.tokens = tokens;
        this.buttons = buttons;
        this.delivery = new RetryingDelivery(Channel.ZALO, new RetryingDelivery.Settings(
                properties.sendAttempts(), properties.backoffMin(), properties.backoffMax()), failures, reachability);
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
        List<Mono<Void>> parts = OutboundPart.split(message, MAX_TEXT).stream()
                .map(part -> part(body(message.to().userId(), part.text(), part.quickReplies())))
                .toList();
        return delivery.deliver(message, parts);
    }

    /**
     * One part; each subscription is one attempt. The token is refreshed at most once per part, and once Zalo has
     * refused the buttons every later attempt sends the text alone.
     */
    private Mono<Void> part(Map<String, Object> firstBody) {
        AtomicReference<Map<String, Object>> body = new AtomicReference<>(firstBody);
        AtomicBoolean refreshed = new AtomicBoolean();
        return Mono.defer(() -> tokens.accessToken()
                .onErrorMap(ZaloTokenException.class, ZaloSendClient::tokenError)
                .flatMap(token -> post(body.get(), token).onErrorResume(SendError.class, e -> {
                    if (e.kind() == SendError.Kind.TOKEN && refreshed.compareAndSet(false, true)) {
                        return tokens.replaceRejected(token)
                                .onErrorMap(ZaloTokenException.class, ZaloSendClient::tokenError)
                                .flatMap(fresh -> post(body.get(), fresh));
                    }
                    if (e.code() == ZaloSendErrors.INVALID_PARAMETER && hasButtons(body.get())) {
                        // The text-with-buttons shape is not on a Zalo page we could read (see body()): if Zalo
                        // refuses it, the person still gets the words.
                        log.warn("Zalo refused a message with buttons as an invalid parameter; sent its text alone");
                        meters.counter("motcua.zalo.buttons.refused").increment();
                        body.set(textOnly(body.get()));
                        return post(body.get(), token);
                    }
                    return Mono.error(e);
                })));
    }

    /** No token to send with: refused for good (an operator must act), or the refresh itself failed for now. */
    private static SendError tokenError(Throwable e) {
        boolean rejected = ((ZaloTokenException) e).rejected;
        return new SendError(rejected ? SendError.Kind.TOKEN : SendError.Kind.TEMPORARY, 0, -216, 0,
                "no valid access token: " + e.getMessage());
    }

    private Mono<Void> post(Map<String, Object> body, String token) {
        return openapi.post()
                .uri(SEND_PATH)
                .header("access_token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .flatMap(text -> result(response.statusCode().value(), text)))
                .onErrorMap(WebClientRequestException.class, e -> ZaloSendErrors.networkError());
    }

    /** Success is {@code "error": 0} in the body, whatever the HTTP status says. */
    private Mono<Void> result(int status, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return Mono.error(ZaloSendErrors.classify(status, 0, null));
        }
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isNumber() && !error.isString()) {
            return Mono.error(ZaloSendErrors.classify(status, 0, null));
        }
        int code = error.asInt(Integer.MIN_VALUE);
        if (code == 0) {
            return Mono.empty();
        }
        return Mono.error(ZaloSendErrors.classify(status, code == Integer.MIN_VALUE ? -1 : code,
                root.path("message").asString(null)));
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
