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
import opennlp.tools.doccat.DoccatModel;
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

    private final MaxentModel model;
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
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.THREADS_PARAM, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        this.features = new IntentFeatures(settings);
        try {
            DoccatModel trained = DocumentCategorizerME.train("vi", ObjectStreamUtils.createObjectStream(samples),
                    parameters, new DoccatFactory(new FeatureGenerator[] {features}));
            this.model = trained.getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException("Training the intent classifier failed", e);
        }
        this.trainingMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Intent classifier trained on {} examples of {} intents in {} ms", samples.size(), examples.size(),
                trainingMillis);
    }

    /** How long training took, for the start-up log, the CLI and docs/performance.md. */
    public long trainingMillis() {
        return trainingMillis;
    }

    @Override
    public Classification classify(NormalizedText text) {
        // The trained model is read-only, so evaluating it directly is thread-safe. DocumentCategorizerME would rebuild
        // the feature generator by class name on every call.
        String[] context = features.extractFeatures(IntentFeatures.tokens(text), Map.of()).toArray(String[]::new);
        double[] scores = model.eval(context);
        List<ScoredIntent> ranking = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            ranking.add(new ScoredIntent(model.getOutcome(i), scores[i]));
        }
        ranking.sort(Comparator.comparingDouble(ScoredIntent::score).reversed());
        ScoredIntent best = ranking.get(0);
        return new Classification(best.intent(), best.score(), List.copyOf(ranking));
    }
}
