package vn.motcua.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.RateLimitedLog;
import vn.motcua.channel.RawBody;
import vn.motcua.channel.Unavailable;
import vn.motcua.inbox.Inbox;

/**
 * The Zalo webhook. Zalo wants HTTP 200 within 2 seconds or it reports the webhook as broken (platforms.md §2.1), so
 * this path only verifies, parses and enqueues; the bot's turn runs after the acknowledgement (DESIGN §2).
 *
 * <p>An event signed longer ago than {@code maxEventAge} is refused like a bad signature: Zalo's own retries end
 * after about two hours, so an older one can only be a replay, and the dedupe window (24 h) outlives the age limit.
 */
@RestController
@Conditional(ZaloEnabled.class)
@RequestMapping("/webhooks/zalo")
class ZaloWebhookController {

    static final String SIGNATURE_HEADER = "X-ZEvent-Signature";
    static final String TIMESTAMP_HEADER = "X-ZEvent-Timestamp";


    private final ZaloProperties properties;
    private final ZaloSignature signature;
    private final ZaloEventMapper mapper;
    private final Inbox inbox;
    private final Clock clock;
    private final RateLimitedLog refusals;

    ZaloWebhookController(ZaloProperties properties, ObjectMapper json, Inbox inbox, MeterRegistry meters) {
        this.properties = properties;
        this.signature = new ZaloSignature(properties.appId(), properties.oaSecretKey());
        this.mapper = new ZaloEventMapper(json, properties.oaId(), meters);
        this.inbox = inbox;
        this.clock = Clock.systemUTC();
        this.refusals = new RateLimitedLog(ZaloWebhookController.class, meters, "motcua.webhook.refused", "zalo");
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String mac = headers.getFirst(SIGNATURE_HEADER);
        String headerTimestamp = headers.getFirst(TIMESTAMP_HEADER);
        return RawBody.read(request, properties.maxBodyBytes(), refusals).flatMap(body -> {
            if (mac == null || mac.isBlank()) {
                return refused("bad_signature", "a missing or wrong " + SIGNATURE_HEADER);
            }
            JsonNode parsed = mapper.parse(body);
            String timestamp = headerTimestamp != null && !headerTimestamp.isBlank() ? headerTimestamp.strip()
                    : parsed == null ? null : ZaloEventMapper.timestampOf(parsed);
            // Signature first: a sender who cannot sign learns nothing about what a valid event looks like.
            if (!signature.matches(body, timestamp == null ? "" : timestamp, mac)) {
                return refused("bad_signature", "a missing or wrong " + SIGNATURE_HEADER);
            }
            try {
                JsonNode event = mapper.event(parsed);
                Instant signedAt = instant(timestamp);
                if (tooOld(signedAt)) {
                    return refused("too_old", "a timestamp outside the accepted window (a replay or a very late retry)");
                }
                // Not accepted, not acknowledged: Zalo retries a failed delivery, so nothing is lost while the store is away.
                return inbox.accept(mapper.map(event, signedAt)).thenReturn(ResponseEntity.ok("OK"))
                        .onErrorResume(e -> Unavailable.webhook("zalo", e));
            } catch (MalformedZaloEventException e) {
                refusals.warn("malformed", "Refused malformed Zalo webhook events");
                return Mono.just(ResponseEntity.badRequest().body("malformed event: " + e.getMessage()));
            }
        });
    }

    private boolean tooOld(Instant signedAt) {
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        return age.compareTo(properties.maxEventAge()) > 0;
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new MalformedZaloEventException("event has no timestamp");
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            throw new MalformedZaloEventException("timestamp is not epoch milliseconds");
        }
    }

    private Mono<ResponseEntity<String>> refused(String reason, String why) {
        refusals.warn(reason, "Refused Zalo webhook events with " + why);
        return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid signature"));
    }
}
