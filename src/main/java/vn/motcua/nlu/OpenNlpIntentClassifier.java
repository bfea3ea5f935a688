package vn.motcua.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP document categorizer trained from the examples at start-up, with the algorithm, parameters and features
 * of {@link ClassifierSettings}. Cutoff stays at 0 or 1: with a few dozen examples per intent, OpenNLP's default
 * cutoff of 5 drops almost every feature.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(OpenNlpIntentClassifier.class);

    private final List<MaxentModel> models;
    private final List<String> outcomes;
    private final IntentFeatures features;
    private final long trainingMillis;

    public OpenNlpIntentClassifier(Map<String, List<String>> examples, TextNormalizer normalizer, int iterations) {
        this(examples, normalizer, ClassifierSettings.CHOSEN.withIterations(iterations));
    }

    public OpenNlpIntentClassifier(Map<String, List<String>> examples, TextNormalizer normalizer,
                                   ClassifierSettings settings) {
        long started = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        examples.forEach((intent, texts) -> texts.forEach(text -> {
            NormalizedText normalized = normalizer.normalize(text);
            if (!normalized.isEmpty()) {
                samples.add(new DocumentSample(intent, IntentFeatures.tokens(normalized)));
            }
        }));
        this.features = new IntentFeatures(settings);
        List<MaxentModel> trained = new ArrayList<>();
        // "MAXENT+NAIVEBAYES" trains both and averages their probabilities.
        for (String algorithm : settings.algorithm().split("\\+")) {
            trained.add(train(samples, algorithm, settings));
        }
        this.models = List.copyOf(trained);
        this.outcomes = new ArrayList<>();
        for (int i = 0; i < models.get(0).getNumOutcomes(); i++) {
            outcomes.add(models.get(0).getOutcome(i));
        }
        this.trainingMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Intent classifier trained on {} examples of {} intents in {} ms", samples.size(), examples.size(),
                trainingMillis);
    }

    /** How long training took, for the start-up log, the CLI and docs/performance.md. */
    public long trainingMillis() {
        return trainingMillis;
    }

    private MaxentModel train(List<DocumentSample> samples, String algorithm, ClassifierSettings settings) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.THREADS_PARAM, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            return DocumentCategorizerME.train("vi", ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory(new FeatureGenerator[] {features})).getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException("Training the intent classifier failed", e);
        }
    }

    @Override
    public Classification classify(NormalizedText text) {
        // The trained model is read-only, so evaluating it directly is thread-safe. DocumentCategorizerME would rebuild
        // the feature generator by class name on every call.
        String[] context = features.extractFeatures(IntentFeatures.tokens(text), Map.of()).toArray(String[]::new);
        double[] scores = new double[outcomes.size()];
        for (MaxentModel model : models) {
            double[] probabilities = model.eval(context);
            for (int i = 0; i < probabilities.length; i++) {
                scores[outcomes.indexOf(model.getOutcome(i))] += probabilities[i] / models.size();
            }
        }
        List<ScoredIntent> ranking = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            ranking.add(new ScoredIntent(outcomes.get(i), scores[i]));
        }
        ranking.sort(Comparator.comparingDouble(ScoredIntent::score).reversed());
        ScoredIntent best = ranking.get(0);
        return new Classification(best.intent(), best.score(), List.copyOf(ranking));
    }
}
