package vn.motcua.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.ObjectMapper;
import vn.motcua.message.Channel;
import vn.motcua.message.InboundContent;
import vn.motcua.message.InboundEvent;
import vn.motcua.channel.RateLimitedLog;
import vn.motcua.channel.RawBody;
import vn.motcua.channel.Unavailable;
import vn.motcua.message.ReplyAddress;
import vn.motcua.inbox.Inbox;

/**
 * The web chat API (README, "Web chat"): open a session, send messages, listen to the answers as server-sent events,
 * erase. Sending only checks, enqueues and answers 202, like a platform webhook (DESIGN §2); the answer arrives on the
 * stream once the bot's turn has run.
 */
@RestController
@RequestMapping("/webchat")
class WebChatController {

    private final WebChatProperties properties;
    private final WebChatSessionStore sessions;
    private final WebChatRelay streams;
    private final ListenerSlots slots;
    private final MessageRateLimiter limiter;
    private final SessionRateLimiter sessionLimiter;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final int maxBodyBytes;
    private final RateLimitedLog refusals;

    WebChatController(WebChatProperties properties, WebChatSessionStore sessions, WebChatRelay streams,
                      ListenerSlots slots, MessageRateLimiter limiter, SessionRateLimiter sessionLimiter, Inbox inbox,
                      ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.sessions = sessions;
        this.streams = streams;
        this.slots = slots;
        this.limiter = limiter;
        this.sessionLimiter = sessionLimiter;
        this.inbox = inbox;
        this.json = json;
        this.meters = meters;
        // Room for the longest text even if every character arrives as a JSON escape, plus the other fields.
        this.maxBodyBytes = properties.maxTextChars() * 12 + 4096;
        this.refusals = new RateLimitedLog(WebChatController.class, meters, "motcua.webhook.refused", "webchat");
    }

    /**
     * Opens a session: at most MOTCUA_WEBCHAT_SESSIONS_PER_ADDRESS per period from one address (429 beyond), and 503
     * when the store is full of sessions in use; both answers carry a Vietnamese {@code notice} with the hotlines.
     */
    @PostMapping("/sessions")
    Mono<ResponseEntity<Map<String, String>>> open(ServerHttpRequest request) {
        Duration wait = sessionLimiter.tryAcquire(request);
        if (!wait.isZero()) {
            meters.counter("motcua.webchat.sessions.refused", "reason", "rate_limited").increment();
            return Mono.error(WebChatException.tooManySessions(wait));
        }
        String session = SessionIds.next();
        return sessions.open(session)
                .onErrorMap(WebChatSessionStore.Full.class, e -> {
                    meters.counter("motcua.webchat.sessions.refused", "reason", "store_full").increment();
                    return WebChatException.storeFull();
                })
                .then(streams.keep(session))
                .then(Mono.fromSupplier(() -> {
                    meters.counter("motcua.webchat.sessions.opened").increment();
                    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("session", session));
                }))
                .onErrorMap(WebChatController::unavailable);
    }

    @PostMapping("/messages")
    Mono<ResponseEntity<Void>> send(ServerHttpRequest request) {
        return RawBody.read(request, maxBodyBytes, refusals)
                .onErrorMap(ResponseStatusException.class, e -> e instanceof RawBody.IncompleteBody ? e
                        : new WebChatException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                                "The body is larger than " + maxBodyBytes + " bytes."))
                .map(body -> MessageRequest.parse(json, body))
                .flatMap(message -> requireOpen(message.session()).thenReturn(message))
                .map(message -> {
                    Duration wait = limiter.tryAcquire(message.session());
                    if (!wait.isZero()) {
                        meters.counter("motcua.webchat.rate_limited").increment();
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        throw new WebChatException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                                "Too many messages from this session. Try again in " + seconds + " s.", wait);
                    }
                    return event(message.session(), message.content(properties.maxTextChars()));
                })
                .flatMap(event -> inbox.accept(List.of(event)))
                .onErrorMap(WebChatController::unavailable)
                .thenReturn(ResponseEntity.accepted().build());
    }

    @GetMapping("/stream")
    Flux<ServerSentEvent<WebChatEvent>> stream(@RequestParam(name = "session", required = false) String session,
                                               ServerHttpResponse response) {
        return requireOpen(session)
                .then(Mono.fromCallable(() -> {
                    Flux<WebChatEvent> listening = slots.take(session, () -> streams.listen(session));
                    if (listening == null) {
                        meters.counter("motcua.webchat.streams.refused").increment();
                        throw WebChatException.tooManyStreams();
                    }
                    return listening;
                }))
                .flatMapMany(listening -> {
                    // Reverse proxies such as nginx would otherwise hold the events back in their buffer.
                    response.getHeaders().set("X-Accel-Buffering", "no");
                    return events(session, listening);
                });
    }

    /**
     * Forgets the session at once and asks the bot to erase the conversation. Always 204 for a well-formed id, even
     * after the session expired: the conversation outlives the session (MOTCUA_RETENTION), and erasure must still
     * work then. The erasure is an event in the person's own line of the inbox, so it runs after any message they
     * sent just before, under the conversation's lock, and nothing of theirs is stored or sent after it.
     */
    @DeleteMapping("/sessions/{session}")
    Mono<ResponseEntity<Void>> erase(@PathVariable("session") String session) {
        if (!SessionIds.wellFormed(session)) {
            return Mono.error(WebChatException.unknownSession());
        }
        return sessions.close(session)
                .then(streams.close(session))
                .then(Mono.fromRunnable(() -> limiter.forget(session)))
                .then(inbox.accept(List.of(event(session, new InboundContent.Erase(true)))))
                .then(Mono.fromSupplier(() -> {
                    meters.counter("motcua.webchat.sessions.erased").increment();
                    return ResponseEntity.noContent().<Void>build();
                }))
                .onErrorMap(WebChatController::unavailable);
    }

    @ExceptionHandler(WebChatException.class)
    Mono<Void> refuse(WebChatException e, ServerWebExchange exchange) {
        // Written by hand rather than through content negotiation: an EventSource asks only for text/event-stream,
        // and must still get the 404 rather than a 406.
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(e.status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (e.retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter.toMillis() + 999) / 1000)));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.code);
        body.put("message", e.getMessage());
        if (e.notice != null) {
            body.put("notice", e.notice);
        }
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The store could not hold the request (Redis away): 503 with the notice the page shows, never a 500. */
    private static Throwable unavailable(Throwable e) {
        if (e instanceof RawBody.IncompleteBody) {
            // Counted by RawBody already; the inbox was never asked, so it is no 503 and no line of its own.
            return e;
        }
        Throwable mapped = WebChatException.orUnavailable(e);
        if (mapped != e) {
            Unavailable.noted("webchat", e);
        }
        return mapped;
    }

    private Mono<Void> requireOpen(String session) {
        if (session == null || session.isBlank()) {
            return Mono.error(WebChatException.badRequest("session_required",
                    "\"session\" is required: create one with POST /webchat/sessions."));
        }
        if (!SessionIds.wellFormed(session)) {
            return Mono.error(WebChatException.unknownSession());
        }
        return sessions.touch(session).flatMap(open -> {
            if (!open) {
                return Mono.error(WebChatException.unknownSession());
            }
            return streams.keep(session);
        });
    }

    private Flux<ServerSentEvent<WebChatEvent>> events(String session, Flux<WebChatEvent> listening) {
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<ServerSentEvent<WebChatEvent>> messages = listening
                .map(event -> ServerSentEvent.builder(event).event("message").build())
                .doFinally(signal -> ended.tryEmitEmpty());
        // An open stream keeps its session alive; once the session is gone (erased, evicted), the stream ends.
        Flux<ServerSentEvent<WebChatEvent>> heartbeats = Flux.interval(properties.heartbeat())
                .concatMap(tick -> sessions.touch(session))
                .concatMap(open -> open ? streams.keep(session).thenReturn(comment("keep-alive"))
                        : streams.close(session).then(Mono.<ServerSentEvent<WebChatEvent>>empty()))
                .takeUntilOther(ended.asMono());
        return Flux.concat(Mono.just(comment("open")), Flux.merge(messages, heartbeats));
    }

    private static ServerSentEvent<WebChatEvent> comment(String text) {
        return ServerSentEvent.<WebChatEvent>builder().comment(text).build();
    }

    private static InboundEvent event(String session, InboundContent content) {
        return new InboundEvent("webchat:" + UUID.randomUUID(), ReplyAddress.of(Channel.WEBCHAT, session),
                Instant.now(), content, false);
    }
}
