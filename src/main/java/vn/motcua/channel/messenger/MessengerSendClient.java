package vn.motcua.channel.messenger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.OutboundPart;
import vn.motcua.channel.PooledWebClient;
import vn.motcua.message.Channel;
import vn.motcua.message.OutboundMessage;
import vn.motcua.message.Purpose;
import vn.motcua.message.QuickReplyOption;
import vn.motcua.message.ReplyAddress;
import vn.motcua.outbox.FailedSendLog;
import vn.motcua.outbox.ReachabilityStore;
import vn.motcua.outbox.RetryingDelivery;
import vn.motcua.outbox.SendError;
import vn.motcua.outbox.SendOutcome;
import vn.motcua.outbox.Sender;

/**
 * The Messenger Send API client ({@code POST /{version}/me/messages}). Concurrency is bounded by the connection pool;
 * retries, the stop after a failed part, failure records and unreachable marks are the {@link RetryingDelivery}'s,
 * fed with this platform's classification of its errors ({@link MessengerSendErrors}).
 */
@Component
@Conditional(MessengerEnabled.class)
class MessengerSendClient implements Sender {

    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;

    private static final Logger log = LoggerFactory.getLogger(MessengerSendClient.class);

    private final MessengerProperties properties;
    private final RetryingDelivery delivery;
    private final ObjectMapper json;
    private final WebClient graph;
    private final boolean humanAgent;

    /**
     * @param humanAgent the Page has Meta's Human Agent permission ({@code MESSENGER_HUMAN_AGENT}, read under the
     *                   handoff settings, which decide when a caseworker may still write)
     */
    MessengerSendClient(MessengerProperties properties, FailedSendLog failures, ReachabilityStore reachability,
                        ObjectMapper json, @Value("${motcua.handoff.messenger-human-agent:false}") boolean humanAgent) {
        this.properties = properties;
        this.humanAgent = humanAgent;
        this.delivery = new RetryingDelivery(Channel.MESSENGER, new RetryingDelivery.Settings(
                properties.sendAttempts(), properties.backoffMin(), properties.backoffMax()), failures, reachability);
        this.json = json;
        this.graph = PooledWebClient.create("messenger-send", properties.graphUrl(), properties.sendConcurrency(),
                properties.sendTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.MESSENGER;
    }

    /**
     * Shows typing before the first message of an ordinary reply (once per turn: each indicator is a Graph call the
     * message waits for); nothing, not even the indicator, may delay an urgent one.
     */
    @Override
    public Mono<SendOutcome> send(OutboundMessage message) {
        if (message.purpose() == Purpose.CAMPAIGN) {
            return delivery.refuse(message, new SendError(SendError.Kind.PERMANENT, 0, 0, 0,
                    "campaign sends are not built yet on Messenger"));
        }
        List<Mono<Void>> parts = OutboundPart.split(message, MAX_TEXT).stream()
                .map(part -> post(messageBody(message, part, humanAgent)))
                .toList();
        boolean typing = message.firstOfTurn() && !message.urgent() && message.purpose() == Purpose.RESPONSE;
        return (typing ? showTyping(message.to()) : Mono.<Void>empty()).then(delivery.deliver(message, parts));
    }

    @Override
    public Mono<Void> showTyping(ReplyAddress to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient(to));
        body.put("sender_action", "typing_on");
        return post(body).onErrorResume(e -> Mono.empty());
    }

    /** One request; every subscription posts again, which is what a retry needs. */
    private Mono<Void> post(Map<String, Object> body) {
        return graph.post()
                .uri(uri -> uri.path("/{version}/me/messages")
                        .queryParam("access_token", "{token}")
                        .build(properties.apiVersion(), properties.pageToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text ->
                        response.statusCode().is2xxSuccessful()
                                ? Mono.<Void>empty()
                                : Mono.<Void>error(parseError(response.statusCode().value(), text))))
                .onErrorMap(WebClientRequestException.class, e -> MessengerSendErrors.networkError())
                .doOnError(SendError.class, e -> {
                    if (e.kind() == SendError.Kind.TOKEN) {
                        log.error("ALERT: Messenger rejected the page access token (code 190). Replies cannot be "
                                + "sent until MESSENGER_PAGE_TOKEN is replaced.");
                    }
                });
    }

    private SendError parseError(int status, String text) {
        try {
            JsonNode error = json.readTree(text).path("error");
            return MessengerSendErrors.classify(status, error.path("code").asInt(0),
                    error.path("error_subcode").asInt(0), error.path("message").asString(null));
        } catch (JacksonException e) {
            return MessengerSendErrors.classify(status, 0, 0, null);
        }
    }

    /**
     * A message request for one part. The purpose decides how Meta is asked to deliver it (platforms.md §1.5): a
     * reply inside the standard window is {@code RESPONSE}; a caseworker's reply goes with the {@code HUMAN_AGENT}
     * tag, which reaches the person up to 7 days after their last message, when the Page has that permission.
     * Without it a caseworker's reply is a {@code RESPONSE}: the console only lets it go within the 24-hour window.
     */
    private static Map<String, Object> messageBody(OutboundMessage outbound, OutboundPart part, boolean humanAgent) {
        List<QuickReplyOption> quickReplies = quickReplies(part.quickReplies());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", part.text());
        if (!quickReplies.isEmpty()) {
            message.put("quick_replies", quickReplies.stream().map(MessengerSendClient::quickReply).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient(outbound.to()));
        if (outbound.purpose() == Purpose.HUMAN_AGENT && humanAgent) {
            body.put("messaging_type", "MESSAGE_TAG");
            body.put("tag", "HUMAN_AGENT");
        } else {
            body.put("messaging_type", "RESPONSE");
        }
        body.put("message", message);
        return body;
    }

    /**
     * The call-button rule on Messenger: a quick reply cannot dial, so {@link QuickReplyOption#dials() call buttons}
     * are left out and the number stays in the text, where the Messenger apps make it tappable. (The phone_number
     * template button needs a +country number, which short codes such as 113 do not have.)
     */
    private static List<QuickReplyOption> quickReplies(List<QuickReplyOption> options) {
        return options.stream().filter(o -> !o.dials()).limit(MAX_QUICK_REPLIES).toList();
    }

    private static Map<String, Object> quickReply(QuickReplyOption option) {
        String title = option.title().length() <= MAX_TITLE ? option.title() : option.title().substring(0, MAX_TITLE);
        return Map.of("content_type", "text", "title", title, "payload", option.payload());
    }

    private static Map<String, Object> recipient(ReplyAddress to) {
        return Map.of(to.userRef() ? "user_ref" : "id", to.userId());
    }
}
