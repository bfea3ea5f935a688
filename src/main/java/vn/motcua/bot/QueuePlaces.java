package vn.motcua.bot;

import java.time.Duration;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.motcua.dialogue.AnswerName;
import vn.motcua.handoff.Escalations;
import vn.motcua.knowledge.AnswerBook;

/**
 * Fills {@code {position}} and {@code {wait}} in an answer about the queue with where the person stands now; the
 * words around the numbers come from the answer files ({@link AnswerName#WAIT_ESTIMATE}, {@link AnswerName#WAIT_UNKNOWN}).
 */
@Component
class QueuePlaces {

    static final String POSITION = "{position}";
    static final String WAIT = "{wait}";
    private static final String MINUTES = "{minutes}";

    private final Escalations escalations;
    private final AnswerBook answers;

    QueuePlaces(Escalations escalations, AnswerBook answers) {
        this.escalations = escalations;
        this.answers = answers;
    }

    static boolean needs(String text) {
        return text.contains(POSITION) || text.contains(WAIT);
    }

    /** @param english the answer is an English twin: the wait is written with the English twins too */
    Mono<String> fill(String conversationId, String text, boolean english) {
        return escalations.standing(conversationId).map(standing -> {
            String wait = standing.expectedWait()
                    .map(d -> text(AnswerName.WAIT_ESTIMATE, english).replace(MINUTES, Long.toString(minutes(d))))
                    .orElseGet(() -> text(AnswerName.WAIT_UNKNOWN, english));
            return text.replace(POSITION, Integer.toString(Math.max(1, standing.position()))).replace(WAIT, wait);
        });
    }

    /** Whole minutes, rounded up: "about 1 minute" for a wait of seconds. */
    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private String text(AnswerName name, boolean english) {
        String variant = english ? name.variant() + AnswerBook.ENGLISH_SUFFIX : name.variant();
        return answers.get(name.intent(), variant).text();
    }
}
