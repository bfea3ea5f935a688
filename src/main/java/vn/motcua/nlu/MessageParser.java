package vn.motcua.nlu;

/**
 * The NLU front: normalize, check the safety lexicon, classify, find the place named, and decide whether the bot is
 * sure enough to answer.
 */
public class MessageParser {

    private final TextNormalizer normalizer;
    private final SafetyLexicon lexicon;
    private final IntentClassifier classifier;
    private final LocationExtractor locations;
    private final double lowConfidence;
    private final double outOfScopeBelow;

    public MessageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                         double lowConfidence) {
        this(normalizer, lexicon, classifier, LocationExtractor.NONE, lowConfidence, 0.0);
    }

    /**
     * @param lowConfidence   below this probability the parse is marked low-confidence (the bot asks)
     * @param outOfScopeBelow below this probability a message that is not a crisis is labelled {@code out_of_scope}:
     *                        the classifier cannot place it in any topic. The ranking keeps the classifier's guesses,
     *                        so the bot can still offer them. Both thresholds are chosen on cross-validation.
     */
    public MessageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                         LocationExtractor locations, double lowConfidence, double outOfScopeBelow) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.classifier = classifier;
        this.locations = locations;
        this.lowConfidence = lowConfidence;
        this.outOfScopeBelow = outOfScopeBelow;
    }

    public Parse parse(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        Classification classification = classifier.classify(normalized);
        Location location = locations.find(normalized);
        var safety = lexicon.match(normalized);
        if (safety.isPresent()) {
            return new Parse(safety.get().intent(), 1.0, classification.ranking(), false, safety.get().phrase(),
                    location);
        }
        boolean unsure = classification.confidence() < lowConfidence;
        // A crisis is answered even when the classifier is unsure: asking "did you mean…?" would cost time. The one
        // exception is an unsure guess on a message that names a place and no danger phrase ("tôi ở Gò Vấp"): that
        // is someone saying where they are, and the bot asks (its topics still offer the emergency answer).
        if (unsure && Intents.isCrisis(classification.intent()) && location == null) {
            unsure = false;
        }
        if (classification.confidence() < outOfScopeBelow && !Intents.isCrisis(classification.intent())) {
            double score = classification.ranking().stream().filter(s -> Intents.OUT_OF_SCOPE.equals(s.intent()))
                    .mapToDouble(ScoredIntent::score).findFirst().orElse(0);
            return new Parse(Intents.OUT_OF_SCOPE, score, classification.ranking(), unsure, null, location);
        }
        return new Parse(classification.intent(), classification.confidence(), classification.ranking(), unsure, null,
                location);
    }

    /**
     * Whether the safety lexicon finds a crisis in the text. No classifier runs, so it is cheap enough for the webhook
     * path, where it puts a crisis ahead of ordinary messages.
     */
    public boolean signalsCrisis(String text) {
        return text != null && !text.isBlank() && lexicon.match(normalizer.normalize(text)).isPresent();
    }

    /** The threshold below which a parse is marked low-confidence. */
    public double lowConfidenceThreshold() {
        return lowConfidence;
    }
}
