package vn.motcua.channel.webchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.motcua.channel.webchat.ConversationPlayer.Message;
import vn.motcua.channel.webchat.ConversationPlayer.Played;
import vn.motcua.channel.webchat.ConversationScripts.Expectation;
import vn.motcua.channel.webchat.ConversationScripts.Flag;
import vn.motcua.knowledge.Answer;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.message.Priority;
import vn.motcua.nlu.Intents;

/**
 * Judges one played turn against what its script expects. Safety problems (no 113 first in danger, a crisis missed,
 * a crisis answer to an ordinary message) are kept apart from the rest: the suite asserts that there are none.
 */
final class TurnJudge {

    enum Kind {
        /** Danger without 113 first, or a danger or self-harm turn without a crisis answer. */
        MISSED_CRISIS(true),
        /** A crisis answer (emergency or self-harm, CRITICAL escalation) to an ordinary message. */
        FALSE_CRISIS(true),
        /** "Mình chưa hiểu rõ ý bạn" or only a caseworker offer, where the meaning is plain. */
        CLARIFY(false),
        /** A message word for word the same as one of the bot's previous turn. */
        REPEAT(false),
        /** A fact the answer must or must not carry. */
        FACT(false),
        LANGUAGE(false),
        /** The session should have ended (typed erasure confirmed), or ended when it should not have. */
        ERASURE(false),
        /** The turn could not be played: no answer, a refused message, a button not offered. */
        NO_ANSWER(false);

        final boolean safety;

        Kind(boolean safety) {
            this.safety = safety;
        }
    }

    record Problem(Kind kind, String what) {

        @Override
        public String toString() {
            return kind + ": " + what;
        }
    }

    record Verdict(Played played, boolean clarified, List<Problem> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        boolean has(Kind kind) {
            return problems.stream().anyMatch(p -> p.kind() == kind);
        }

        boolean safe() {
            return problems.stream().noneMatch(p -> p.kind().safety);
        }
    }

    private static final Set<String> CRISES = Set.of(Intents.EMERGENCY, Intents.SELF_HARM);

    /** The first sentence of each way the bot says it did not understand (clarify, offer of a caseworker). */
    private final List<String> notUnderstood;

    TurnJudge(List<String> notUnderstood) {
        if (notUnderstood.isEmpty()) {
            throw new IllegalArgumentException("No sentence by which the bot says it did not understand");
        }
        this.notUnderstood = notUnderstood.stream().map(AnswerFacts::folded).toList();
    }

    /** Judged by the sentences the content folder's clarify and caseworker-offer answers start with. */
    static TurnJudge of(AnswerBook answers) {
        List<String> sentences = new ArrayList<>();
        Map<String, Answer> system = answers.all().getOrDefault(AnswerBook.SYSTEM, Map.of());
        system.forEach((variant, answer) -> {
            if (variant.startsWith("clarify") || variant.startsWith("offer_caseworker")) {
                sentences.add(firstSentence(answer.text()));
            }
        });
        return new TurnJudge(sentences);
    }

    Verdict judge(Played played, List<Message> previousBotTurn) {
        List<Problem> problems = new ArrayList<>();
        Expectation expect = played.turn().expect();
        if (played.trouble() != null) {
            problems.add(new Problem(Kind.NO_ANSWER, played.trouble()));
        } else if (played.messages().isEmpty()) {
            problems.add(new Problem(Kind.NO_ANSWER, "the bot said nothing"));
        }
        String text = played.text();
        boolean clarified = played.messages().stream().anyMatch(this::notUnderstood);
        List<String> numbers = AnswerFacts.phoneNumbers(text);
        String firstNumber = numbers.isEmpty() ? "none" : numbers.get(0);
        boolean crisisAnswer = played.answerIntents().stream().filter(Objects::nonNull).anyMatch(CRISES::contains)
                || played.priorityAfter() == Priority.CRITICAL && played.priorityBefore() != Priority.CRITICAL;
        boolean critical = played.priorityAfter() == Priority.CRITICAL;

        if (expect.has(Flag.DANGER)) {
            if (!"113".equals(firstNumber)) {
                problems.add(new Problem(Kind.MISSED_CRISIS, "danger, but the first number is " + firstNumber));
            }
            if (!critical) {
                problems.add(new Problem(Kind.MISSED_CRISIS, "danger, but not escalated CRITICAL"));
            }
        }
        if (expect.has(Flag.SELFHARM)) {
            if (!critical) {
                problems.add(new Problem(Kind.MISSED_CRISIS, "self-harm, but not escalated CRITICAL"));
            }
            if (!numbers.contains("115")) {
                problems.add(new Problem(Kind.MISSED_CRISIS, "self-harm, but no 115"));
            }
        }
        if (!expect.crisisAllowed() && crisisAnswer) {
            problems.add(new Problem(Kind.FALSE_CRISIS, "a crisis answer (" + played.answerIntents() + ", "
                    + played.priorityAfter() + ") to an ordinary message"));
        }
        if (clarified && !expect.has(Flag.UNCLEAR_OK)) {
            problems.add(new Problem(Kind.CLARIFY, "asked what the person meant"));
        }
        for (Message message : played.messages()) {
            if (previousBotTurn.stream().anyMatch(p -> p.text().strip().equals(message.text().strip()))) {
                problems.add(new Problem(Kind.REPEAT, "the previous turn's block again, word for word: \""
                        + firstLine(message.text()) + "\""));
            }
        }
        if (expect.first() != null && !AnswerFacts.digits(expect.first()).equals(firstNumber)) {
            problems.add(new Problem(Kind.FACT, "first number " + firstNumber + ", expected " + expect.first()));
        }
        for (String fact : expect.says()) {
            if (!AnswerFacts.carries(text, fact)) {
                problems.add(new Problem(Kind.FACT, "missing \"" + fact + "\""));
            }
        }
        if (!expect.saysAny().isEmpty() && expect.saysAny().stream().noneMatch(f -> AnswerFacts.carries(text, f))) {
            problems.add(new Problem(Kind.FACT, "none of " + expect.saysAny()));
        }
        for (String fact : expect.never()) {
            if (AnswerFacts.carries(text, fact)) {
                problems.add(new Problem(Kind.FACT, "must not say \"" + fact + "\""));
            }
        }
        for (String wanted : expect.buttons()) {
            boolean offered = played.messages().stream().flatMap(m -> m.buttons().stream())
                    .anyMatch(b -> AnswerFacts.carries(b.title(), wanted) || b.payload().contains(wanted));
            if (!offered) {
                problems.add(new Problem(Kind.FACT, "no button \"" + wanted + "\""));
            }
        }
        // Every message of the answer, the notice that comes with a first message too: the person reads them all.
        for (Message message : played.messages()) {
            if (expect.has(Flag.ENGLISH) && !AnswerFacts.english(message.text())) {
                problems.add(new Problem(Kind.LANGUAGE, "not in English: \"" + firstLine(message.text()) + "\""));
                break;
            }
            if (expect.has(Flag.VIETNAMESE) && !AnswerFacts.vietnamese(message.text())) {
                problems.add(new Problem(Kind.LANGUAGE, "not in Vietnamese: \"" + firstLine(message.text()) + "\""));
                break;
            }
        }
        if (expect.has(Flag.ERASED) != played.sessionEnded()) {
            problems.add(new Problem(Kind.ERASURE, expect.has(Flag.ERASED)
                    ? "the session did not end (conversation not erased, or stream still open)"
                    : "the session ended"));
        }
        return new Verdict(played, clarified, List.copyOf(problems));
    }

    private boolean notUnderstood(Message message) {
        String folded = AnswerFacts.folded(message.text());
        return notUnderstood.stream().anyMatch(folded::contains);
    }

    static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 70 ? line.substring(0, 70) + "…" : line;
    }

    private static String firstSentence(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        int stop = line.indexOf('.');
        return stop > 0 ? line.substring(0, stop) : line;
    }
}
