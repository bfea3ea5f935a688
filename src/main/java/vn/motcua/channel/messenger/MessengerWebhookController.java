package vn.motcua.channel.messenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.channel.RawBody;
import vn.motcua.channel.Unavailable;
import vn.motcua.inbox.Inbox;

/**
 * The Messenger webhook. The POST path only verifies, parses and enqueues, then answers 200: everything slow happens
 * after the acknowledgement (DESIGN §2), so the platform never times out and never disables the webhook.
 */
@RestController
@Conditional(MessengerEnabled.class)
@RequestMapping("/webhooks/messenger")
class MessengerWebhookController {

    private static final Logger log = LoggerFactory.getLogger(MessengerWebhookController.class);

    private final MessengerProperties properties;
    private final MessengerSignature signature;
    private final MessengerEventMapper mapper;
    private final Inbox inbox;

    MessengerWebhookController(MessengerProperties properties, ObjectMapper json, Inbox inbox) {
        this.properties = properties;
        this.signature = new MessengerSignature(properties.appSecret());
        this.mapper = new MessengerEventMapper(json);
        this.inbox = inbox;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.verifyToken();
        boolean ok = "subscribe".equals(mode) && expected != null && !expected.isBlank() && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            log.warn("Refused a Messenger webhook handshake (mode or verify token did not match)");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verification failed");
        }
        return ResponseEntity.ok(challenge == null ? "" : challenge);
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst("X-Hub-Signature-256");
        return RawBody.read(request, properties.maxBodyBytes()).flatMap(body -> {
            if (!signature.matches(body, header)) {
                log.warn("Refused a Messenger webhook delivery with a missing or wrong X-Hub-Signature-256");
                return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid signature"));
            }
            try {
                // Not accepted, not acknowledged: Meta retries a 503, so nothing is lost while the store is away.
                return inbox.accept(mapper.map(body)).thenReturn(ResponseEntity.ok("EVENT_RECEIVED"))
                        .onErrorResume(e -> Unavailable.webhook("messenger", e));
            } catch (MalformedWebhookException e) {
                log.warn("Refused a malformed Messenger webhook delivery: {}", e.getMessage());
                return Mono.just(ResponseEntity.badRequest().body("malformed delivery: " + e.getMessage()));
            }
        });
    }
}
