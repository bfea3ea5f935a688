package vn.motcua.channel.messenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.RateLimitedLog;
import vn.motcua.channel.RawBody;
import vn.motcua.channel.Unavailable;
import vn.motcua.inbox.Inbox;
import vn.motcua.message.InboundEvent;

/**
 * The Messenger webhook. The POST path only verifies, parses and enqueues, then answers 200: everything slow happens
 * after the acknowledgement (DESIGN §2), so the platform never times out and never disables the webhook.
 *
 * <p>An event whose timestamp is further than {@code MESSENGER_MAX_EVENT_AGE} from now is acknowledged and ignored
 * (counted as {@code motcua.messenger.ignored{reason=too_old}}): Meta's own retries end within hours, so an older one
 * is a replay of a captured delivery. Acknowledged rather than refused, so that Meta never retries it and the rest of
 * its batch still counts. Refusals and skipped events are counted and logged at most once a minute per reason.
 */
@RestController
@Conditional(MessengerEnabled.class)
@RequestMapping("/webhooks/messenger")
class MessengerWebhookController {

    static final String TOO_OLD = "too_old";

    private final MessengerProperties properties;
    private final MessengerSignature signature;
    private final MessengerEventMapper mapper;
    private final Inbox inbox;
    private final Clock clock;
    private final RateLimitedLog refusals;
    private final RateLimitedLog ignored;

    MessengerWebhookController(MessengerProperties properties, ObjectMapper json, Inbox inbox, MeterRegistry meters,
                               Clock clock) {
        this.properties = properties;
        this.signature = new MessengerSignature(properties.appSecret());
        this.mapper = new MessengerEventMapper(json);
        this.inbox = inbox;
        this.clock = clock;
        this.refusals = new RateLimitedLog(MessengerWebhookController.class, meters, "motcua.webhook.refused",
                "messenger");
        this.ignored = new RateLimitedLog(MessengerWebhookController.class, meters, "motcua.messenger.ignored", null);
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.verifyToken();
        boolean ok = "subscribe".equals(mode) && expected != null && !expected.isBlank() && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            refusals.warn("bad_handshake", "Refused Messenger webhook handshakes (mode or verify token did not match)");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verification failed");
        }
        return ResponseEntity.ok(challenge == null ? "" : challenge);
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst("X-Hub-Signature-256");
        return RawBody.read(request, properties.maxBodyBytes(), refusals).flatMap(body -> {
            if (!signature.matches(body, header)) {
                refusals.warn("bad_signature",
                        "Refused Messenger webhook deliveries with a missing or wrong X-Hub-Signature-256");
                return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid signature"));
            }
            try {
                Map<String, Long> skipped = new TreeMap<>();
                List<InboundEvent> events = mapper.map(body, skipped);
                List<InboundEvent> recent = events.stream().filter(this::recent).toList();
                skipped.merge(TOO_OLD, (long) (events.size() - recent.size()), Long::sum);
                skipped.forEach((reason, times) -> ignored.warn(reason, times,
                        "Acknowledged and skipped Messenger events (" + reason + ")"));
                // Not accepted, not acknowledged: Meta retries a 503, so nothing is lost while the store is away.
                return inbox.accept(recent).thenReturn(ResponseEntity.ok("EVENT_RECEIVED"))
                        .onErrorResume(e -> Unavailable.webhook("messenger", e));
            } catch (MalformedWebhookException e) {
                refusals.warn("malformed", "Refused malformed Messenger webhook deliveries");
                return Mono.just(ResponseEntity.badRequest().body("malformed delivery: " + e.getMessage()));
            }
        });
    }

    private boolean recent(InboundEvent event) {
        Duration age = Duration.between(event.sentAt(), clock.instant()).abs();
        return age.compareTo(properties.maxEventAge()) <= 0;
    }
}
