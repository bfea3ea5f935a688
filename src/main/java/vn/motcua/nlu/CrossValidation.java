package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold cross-validation over the training examples: every intent's examples are shuffled with a fixed
 * seed and dealt round-robin into k folds, so each fold holds about a tenth of every intent and a rerun gives the
 * same folds. Each fold is parsed by the full parser (normalizer, safety lexicon, classifier) trained on the others.
 *
 * <p>The normalizer's vocabulary (used only to squeeze stretched letters) comes from all examples; it holds no
 * labels, so the test fold leaks nothing the classifier learns from.
 */
public final class CrossValidation {

    public static final long SEED = 20250701L;

    private final Nlu nlu;

    public CrossValidation(Nlu nlu) {
        this.nlu = nlu;
    }

    /** The texts of the examples, in the order of {@link Evaluation#outcomes()} of the last {@link #run}. */
    private final List<String> texts = new ArrayList<>();

    public List<String> texts() {
        return texts;
    }

    public Evaluation run(ClassifierSettings settings, int folds) {
        texts.clear();
        List<Map<String, List<String>>> testFolds = split(nlu.examples().byIntent(), folds);
        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Map<String, List<String>> training = new LinkedHashMap<>();
            for (int other = 0; other < folds; other++) {
                if (other != k) {
                    testFolds.get(other).forEach((intent, texts) ->
                            training.computeIfAbsent(intent, i -> new ArrayList<>()).addAll(texts));
                }
            }
            IntentClassifier classifier = new OpenNlpIntentClassifier(training, nlu.normalizer(), settings);
            MessageParser parser = new MessageParser(nlu.normalizer(), nlu.lexicon(), classifier, 0.0);
            testFolds.get(k).forEach((intent, texts) -> texts.forEach(text -> {
                Parse parse = parser.parse(text);
                outcomes.add(new Evaluation.Outcome(intent, parse.intent(), parse.confidence()));
                this.texts.add(text);
            }));
        }
        return new Evaluation(outcomes);
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
