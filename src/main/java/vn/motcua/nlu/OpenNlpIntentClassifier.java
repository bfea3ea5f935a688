package vn.motcua.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP maximum-entropy document categorizer over accent-folded words and word bigrams, trained from the
 * examples at start-up. Cutoff is 0: with a few dozen examples per intent, OpenNLP's default cutoff of 5 drops
 * almost every feature.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(OpenNlpIntentClassifier.class);

    private final DoccatModel model;

    public OpenNlpIntentClassifier(Map<String, List<String>> examples, TextNormalizer normalizer, int iterations) {
        long started = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        examples.forEach((intent, texts) -> texts.forEach(text -> {
            List<String> tokens = normalizer.normalize(text).folded();
            if (!tokens.isEmpty()) {
                samples.add(new DocumentSample(intent, tokens.toArray(String[]::new)));
            }
        }));
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        try {
            FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
            this.model = DocumentCategorizerME.train("vi", ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory(features));
        } catch (IOException e) {
            throw new UncheckedIOException("Training the intent classifier failed", e);
        }
        log.info("Intent classifier trained on {} examples of {} intents in {} ms", samples.size(), examples.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Classification classify(NormalizedText text) {
        // DocumentCategorizerME keeps per-call state in its context generator: one per call is cheap and thread-safe.
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        String[] tokens = text.isEmpty() ? new String[] {""} : text.folded().toArray(String[]::new);
        double[] scores = categorizer.categorize(tokens);
        List<ScoredIntent> ranking = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            ranking.add(new ScoredIntent(categorizer.getCategory(i), scores[i]));
        }
        ranking.sort(Comparator.comparingDouble(ScoredIntent::score).reversed());
        ScoredIntent best = ranking.get(0);
        return new Classification(best.intent(), best.score(), List.copyOf(ranking));
    }
}
