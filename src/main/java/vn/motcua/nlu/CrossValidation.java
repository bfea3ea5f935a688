package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold cross-validation over the training examples: every intent's examples are shuffled with a fixed
 * seed and dealt round-robin into k folds, so each fold holds about a tenth of every intent and a rerun gives the
 * same folds. Each fold is parsed by a parser trained on the others.
 *
 * <p>The normalizer's vocabulary (used only to squeeze stretched letters) comes from all examples; it holds no
 * labels, so the test fold leaks nothing the classifier learns from.
 */
public final class CrossValidation {

    public static final long SEED = 20250701L;

    /**
     * One cross-validated example: the classifier's own ranking, whether a rule decided (the safety lexicon or a short
     * answer's phrase) and what the full parser made of it.
     */
    public record Judged(String expected, String text, int words, Classification raw, String lexiconIntent,
                         boolean act, Parse parse) {

        /** A rule decided, not the classifier: the safety lexicon or a short answer's phrase. */
        public boolean ruled() {
            return lexiconIntent != null || act;
        }

        /**
         * What the parser before issue 10 did: the lexicon, else the classifier's own best score, asked below
         * {@code threshold} unless it was a crisis guess (always answered), out-of-scope below {@code outOfScope}.
         */
        public Evaluation.Outcome before(double threshold, double outOfScope) {
            if (lexiconIntent != null) {
                return new Evaluation.Outcome(expected, lexiconIntent, 1.0, false);
            }
            double score = raw.confidence();
            boolean crisis = Intents.isCrisis(raw.intent());
            String predicted = score < outOfScope && !crisis ? Intents.OUT_OF_SCOPE : raw.intent();
            return new Evaluation.Outcome(expected, predicted, score, score < threshold && !crisis);
        }

        /** The sample a calibration is fitted on: the classifier's best intent, right or wrong. */
        public CalibrationFit.Sample sample() {
            return new CalibrationFit.Sample(raw.ranking(), words, expected.equals(raw.intent()));
        }

        public Evaluation.Outcome outcome() {
            return new Evaluation.Outcome(expected, parse.intent(), parse.confidence(), parse.lowConfidence());
        }
    }

    private final Nlu nlu;

    public CrossValidation(Nlu nlu) {
        this.nlu = nlu;
    }

    /** The texts of the examples, in the order of {@link Evaluation#outcomes()} of the last {@link #run}. */
    private final List<String> texts = new ArrayList<>();

    public List<String> texts() {
        return texts;
    }

    /**
     * The bare classifier plus the safety lexicon, with the classifier's own scores: how settings compare
     * ({@code nlu compare}).
     */
    public Evaluation run(ClassifierSettings settings, int folds) {
        texts.clear();
        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        forEachFold(settings, folds, (classifier, intent, text) -> {
            MessageParser parser = new MessageParser(nlu.normalizer(), nlu.lexicon(), classifier, 0.0);
            Parse parse = parser.parse(text);
            outcomes.add(new Evaluation.Outcome(intent, parse.intent(), parse.confidence()));
            texts.add(text);
        });
        return new Evaluation(outcomes);
    }

    /**
     * The full parser (acts, follow-ups, calibration, costs; no out-of-scope fallback, so it can be swept) on every
     * example, trained without the example's fold.
     */
    public List<Judged> judge(ClassifierSettings settings, int folds, Calibration calibration) {
        List<Judged> judged = new ArrayList<>();
        forEachFold(settings, folds, (classifier, intent, text) -> {
            NormalizedText normalized = nlu.normalizer().normalize(text);
            String lexiconIntent = nlu.lexicon().match(normalized).map(SafetyLexicon.Match::intent).orElse(null);
            boolean act = nlu.acts().find(normalized).isPresent();
            Parse parse = nlu.parser(classifier, calibration, 0.0).parse(text);
            judged.add(new Judged(intent, text, normalized.folded().size(), classifier.classify(normalized),
                    lexiconIntent, act, parse));
        });
        return judged;
    }

    private interface FoldVisitor {
        void visit(IntentClassifier classifier, String intent, String text);
    }

    private void forEachFold(ClassifierSettings settings, int folds, FoldVisitor visitor) {
        List<Map<String, List<String>>> testFolds = split(nlu.examples().byIntent(), folds);
        for (int k = 0; k < folds; k++) {
            Map<String, List<String>> training = new LinkedHashMap<>();
            for (int other = 0; other < folds; other++) {
                if (other != k) {
                    testFolds.get(other).forEach((intent, texts) ->
                            training.computeIfAbsent(intent, i -> new ArrayList<>()).addAll(texts));
                }
            }
            IntentClassifier classifier = new OpenNlpIntentClassifier(training, nlu.normalizer(), settings);
            testFolds.get(k).forEach((intent, texts) -> texts.forEach(text -> visitor.visit(classifier, intent, text)));
        }
    }

    static List<Map<String, List<String>>> split(Map<String, List<String>> byIntent, int folds) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            out.add(new LinkedHashMap<>());
        }
        Random random = new Random(SEED);
        byIntent.forEach((intent, texts) -> {
            List<String> shuffled = new ArrayList<>(texts);
            java.util.Collections.shuffle(shuffled, random);
            for (int i = 0; i < shuffled.size(); i++) {
                out.get(i % folds).computeIfAbsent(intent, x -> new ArrayList<>()).add(shuffled.get(i));
            }
        });
        return out;
    }
}
