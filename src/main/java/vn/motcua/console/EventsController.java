package vn.motcua.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.motcua.handoff.CaseworkerDesk;
import vn.motcua.handoff.CaseworkerPresence;
import vn.motcua.handoff.HandoffEvent;
import vn.motcua.handoff.HandoffEvents;

/**
 * {@code GET /api/events}: what the console shows live — {@code queue} (a summary that changed), {@code message} (a
 * new message or a delivery change) and {@code alert} (a crisis with a caseworker, or waiting too long). Each event
 * is read when it is sent, so the stream carries what the conversation holds now; keep-alive comments between them
 * also mark the caseworker as signed in.
 */
@RestController
class EventsController {

    record MessageEvent(String conversationId, ConsoleJson.Message message) {
    }

    record AlertEvent(String conversationId, String priority, String reason, java.time.Instant at) {
    }

    record Gone(String id, String state) {
    }

    private final HandoffEvents events;
    private final CaseworkerDesk desk;
    private final CaseworkerPresence presence;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration maxAge;

    EventsController(HandoffEvents events, CaseworkerDesk desk, CaseworkerPresence presence, Clock clock,
                     @Value("${motcua.console.heartbeat:PT15S}") Duration heartbeat, ConsoleProperties properties) {
        this.maxAge = properties.sessionMaxAge();
        this.events = events;
        this.desk = desk;
        this.presence = presence;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /**
     * The stream of a signed-in console ends with its session: signed out, idle too long, or past its longest age
     * (the page then reconnects and is sent to sign in). An API client signed in with Basic has no session.
     */
    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(Principal who, WebSession session) {
        String name = who.getName();
        Flux<ServerSentEvent<Object>> live = events.listen().onBackpressureBuffer(1024).concatMap(this::toEvent);
        Flux<ServerSentEvent<Object>> beats = Flux.interval(heartbeat)
                .concatMap(tick -> presence.seen(name, clock.instant())
                        .thenReturn(ServerSentEvent.<Object>builder().comment("keep-alive").build()));
        boolean hasSession = session.isStarted();
        Flux<Long> sessionEnded = Flux.interval(heartbeat).filter(tick -> hasSession && ended(session));
        return Flux.concat(Flux.just(ServerSentEvent.<Object>builder().comment("connected").build()),
                Flux.merge(live, beats)).takeUntilOther(sessionEnded);
    }

    private boolean ended(WebSession session) {
        java.time.Instant signedIn = session.getAttribute(SecurityConfiguration.SIGNED_IN_AT);
        return session.isExpired() || session.getAttributes().isEmpty()
                || signedIn != null && !signedIn.plus(maxAge).isAfter(clock.instant());
    }

    private Mono<ServerSentEvent<Object>> toEvent(HandoffEvent event) {
        if (event instanceof HandoffEvent.QueueChanged changed) {
            return desk.summary(changed.conversationId())
                    .<Object>map(ConsoleJson.Summary::of)
                    .defaultIfEmpty(new Gone(changed.conversationId(), "GONE"))
                    .map(data -> ServerSentEvent.builder(data).event("queue").build());
        }
        if (event instanceof HandoffEvent.MessageChanged message) {
            return desk.line(message.conversationId(), message.turnId())
                    .map(line -> ServerSentEvent.<Object>builder(new MessageEvent(message.conversationId(),
                            ConsoleJson.Message.of(line))).event("message").build());
        }
        HandoffEvent.Alert alert = (HandoffEvent.Alert) event;
        return Mono.just(ServerSentEvent.<Object>builder(new AlertEvent(alert.conversationId(),
                alert.priority() == null ? null : alert.priority().name(), alert.reason(), alert.at()))
                .event("alert").build());
    }
}
