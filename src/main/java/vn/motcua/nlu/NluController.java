package vn.motcua.nlu;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/nlu/parse}: what the bot understands of a message, for operators checking the classifier (an ADMIN
 * route); it stores and logs nothing. Each user may call it {@code MOTCUA_NLU_RATE_LIMIT} times per
 * {@code MOTCUA_NLU_RATE_PERIOD} (429 beyond), and the parses run on one thread of their own, so that however many
 * operators call it, it never takes the cores that answer webhooks and people.
 */
@RestController
@RequestMapping("/api/nlu")
class NluController {

    static final int MAX_TEXT_LENGTH = 4000;
    private static final int RANKING_SIZE = 5;

    /** The request body. */
    record ParseRequest(String text) {
    }

    /** The response body: the parse with the five most likely intents. */
    record ParseResponse(String intent, double confidence, List<ScoredIntent> ranking, Location location,
                         boolean lowConfidence, String safetyPhrase, String language, String act, String followUp,
                         boolean cannotCall, boolean childSpeaking) {
    }

    /** One thread, at most 64 parses waiting for it: what the operators' parsing may take of the machine. */
    private static final Scheduler PARSING = Schedulers.newBoundedElastic(1, 64, "nlu-parse", 60, true);

    private final MessageParser parser;
    private final ParseRateLimiter limiter;

    NluController(MessageParser parser, ParseRateProperties rate, Clock clock) {
        this.parser = parser;
        this.limiter = new ParseRateLimiter(rate, clock);
    }

    @PostMapping("/parse")
    Mono<ResponseEntity<Object>> parse(@RequestBody(required = false) ParseRequest request, Principal user) {
        java.time.Duration wait = limiter.tryTake(user == null ? "" : user.getName());
        if (!wait.isZero()) {
            return Mono.just(tooMany(wait));
        }
        return parse(request).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .onErrorResume(java.util.concurrent.RejectedExecutionException.class,
                        full -> Mono.just(tooMany(java.time.Duration.ofSeconds(1))));
    }

    private static ResponseEntity<Object> tooMany(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Map.of("error", "rate_limited", "message",
                        "Quá nhiều yêu cầu phân tích. Hãy thử lại sau " + seconds + " giây."));
    }

    private Mono<ParseResponse> parse(ParseRequest request) {
        if (request == null || request.text() == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send {\"text\": \"…\"}"));
        }
        if (request.text().length() > MAX_TEXT_LENGTH) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "text is longer than " + MAX_TEXT_LENGTH + " characters"));
        }
        return Mono.fromSupplier(() -> {
            Parse parse = parser.parse(request.text());
            return new ParseResponse(parse.intent(), parse.confidence(),
                    parse.ranking().stream().limit(RANKING_SIZE).toList(), parse.location(), parse.lowConfidence(),
                    parse.safetyPhrase(), parse.language(),
                    parse.act() == DialogueAct.NONE ? null : parse.act().intent(),
                    parse.followUp() == FollowUp.NONE ? null : parse.followUp().id(), parse.cannotCall(),
                    parse.childSpeaking());
        }).subscribeOn(PARSING);
    }
}
