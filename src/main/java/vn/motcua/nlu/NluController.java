package vn.motcua.nlu;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/nlu/parse}: what the bot understands of a message, for operators checking the classifier. It is
 * meant to sit behind the console's authentication once the console exists (README); it stores and logs nothing.
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

    private final MessageParser parser;

    NluController(MessageParser parser) {
        this.parser = parser;
    }

    @PostMapping("/parse")
    Mono<ParseResponse> parse(@RequestBody(required = false) ParseRequest request) {
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
        });
    }
}
