package vn.motcua.nlu;

import java.util.List;
import java.util.Optional;

/**
 * The NLU front: normalize (and tell the language), check the safety lexicon, recognise a short answer, classify and
 * calibrate, find the place named, the follow-up question and what the message says about the writer, and decide
 * from the cost of each mistake whether the bot is sure enough to answer.
 */
public class MessageParser {

    private final TextNormalizer normalizer;
    private final SafetyLexicon lexicon;
    private final IntentClassifier classifier;
    private final LocationExtractor locations;
    private final DialogueActs acts;
    private final FollowUps followUps;
    private final WriterCues cues;
    private final Calibration calibration;
    private final MistakeCosts costs;
    private final double lowConfidence;
    private final double outOfScopeBelow;

    public MessageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                         double lowConfidence) {
        this(normalizer, lexicon, classifier, LocationExtractor.NONE, lowConfidence, 0.0);
    }

    /** The parser before issue 10: the classifier's own scores and one threshold, no acts, follow-ups or cues. */
    public MessageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                         LocationExtractor locations, double lowConfidence, double outOfScopeBelow) {
        this(normalizer, lexicon, classifier, locations, null, null, null, Calibration.NONE, lowConfidence,
                outOfScopeBelow);
    }

    /**
     * @param acts            short answers ("ok", "ko", "thôi"); null to leave them to the classifier
     * @param followUps       follow-up questions; null for none
     * @param cues            what the message says about the writer; null for none
     * @param calibration     turns classifier scores into probabilities of being right ({@link Calibration#NONE}: as
     *                        they are, and one threshold decides)
     * @param lowConfidence   an ordinary topic below this probability is asked about rather than answered; other
     *                        intents move the line by what their mistakes cost ({@link MistakeCosts})
     * @param outOfScopeBelow below this probability a message that is not a crisis is labelled {@code out_of_scope}:
     *                        the classifier cannot place it in any topic. The ranking keeps the classifier's guesses,
     *                        so the bot can still offer them. Both thresholds are chosen on cross-validation.
     */
    public MessageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                         LocationExtractor locations, DialogueActs acts, FollowUps followUps, WriterCues cues,
                         Calibration calibration, double lowConfidence, double outOfScopeBelow) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.classifier = classifier;
        this.locations = locations;
        this.acts = acts;
        this.followUps = followUps;
        this.cues = cues;
        this.calibration = calibration;
        this.costs = new MistakeCosts(lowConfidence);
        this.lowConfidence = lowConfidence;
        this.outOfScopeBelow = outOfScopeBelow;
    }

    public Parse parse(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        Location location = locations.find(normalized);
        FollowUps.Found followUp = followUps == null ? FollowUps.Found.NONE : followUps.find(normalized);
        List<int[]> cannotCall = cues == null ? List.of() : cues.cannotCallSpans(normalized);
        boolean child = cues != null && cues.childSpeaking(normalized);
        List<int[]> noTopic = new java.util.ArrayList<>(followUp.spans());
        noTopic.addAll(cannotCall);
        boolean namesNoTopic = followUps != null && followUps.namesNoTopic(normalized, followUp.followUp(), noTopic);
        Classification classification = classifier.classify(normalized);
        List<ScoredIntent> ranking = calibration.apply(classification.ranking(), normalized.folded().size());
        Decided decided = decide(normalized, classification, ranking, location, namesNoTopic);
        return new Parse(decided.intent, decided.confidence, ranking, decided.unsure, decided.safetyPhrase, location,
                normalized.language(), followUp.followUp(), !cannotCall.isEmpty(), child);
    }

    /**
     * Whether the safety lexicon finds a crisis in the text. No classifier runs, so it is cheap enough for the webhook
     * path, where it puts a crisis ahead of ordinary messages.
     */
    public boolean signalsCrisis(String text) {
        return text != null && !text.isBlank() && lexicon.match(normalizer.normalize(text)).isPresent();
    }

    /** The threshold below which a parse is marked low-confidence. */

    private record Decided(String intent, double confidence, boolean unsure, String safetyPhrase) {
    }

    private Decided decide(NormalizedText normalized, Classification classification, List<ScoredIntent> ranking,
                           Location location, boolean namesNoTopic) {
        var safety = lexicon.match(normalized);
        if (safety.isPresent()) {
            return new Decided(safety.get().intent(), 1.0, false, safety.get().phrase());
        }
        Optional<DialogueAct> act = acts == null ? Optional.empty() : acts.find(normalized);
        if (act.isPresent()) {
            return new Decided(act.get().intent(), 1.0, false, null);
        }
        String best = classification.intent();
        double confidence = ranking.get(0).score();
        boolean unsure = calibration.isNone() ? confidence < lowConfidence : costs.shouldAsk(ranking);
        if (calibration.isNone() && unsure && Intents.isCrisis(best)) {
            // Before calibration a crisis guess was answered at any score: asking would cost time.
            unsure = false;
        }
        // An unsure guess of a crisis on a message that names a place and no danger phrase ("tôi ở Gò Vấp") is
        // someone saying where they are: the bot asks (its topics still offer the emergency answer).
        if (Intents.isCrisis(best) && location != null && confidence < lowConfidence) {
            unsure = true;
        }
        // "nộp đơn ở đâu", "bao lâu", "vậy e làm gì tiếp", "ko goi dc": a follow-up, or "I cannot call", that names no
        // topic is about the conversation's topic, not about whatever the classifier makes of "nộp đơn", and is never
        // answered as a crisis of its own (no danger phrase was said).
        if (namesNoTopic) {
            unsure = true;
        }
        if (confidence < outOfScopeBelow && !Intents.isCrisis(best)) {
            return new Decided(Intents.OUT_OF_SCOPE, outOfScopeScore(ranking), unsure || !calibration.isNone(), null);
        }
        return new Decided(best, confidence, unsure, null);
    }

    private static double outOfScopeScore(List<ScoredIntent> ranking) {
        return ranking.stream().filter(s -> Intents.OUT_OF_SCOPE.equals(s.intent()))
                .mapToDouble(ScoredIntent::score).findFirst().orElse(0);
    }

    /** The threshold below which an ordinary topic is asked about. */
    public double lowConfidenceThreshold() {
        return lowConfidence;
    }
}
