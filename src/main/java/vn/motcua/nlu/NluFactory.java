package vn.motcua.nlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.content.ContentFiles;

/**
 * Builds the NLU pipeline from the content files, without Spring: the web service ({@link NluConfiguration}) and the
 * command line ({@code nlu classify}, {@code nlu eval}) use this one factory, so both run the same model.
 */
public final class NluFactory {

    static final String TEENCODE = "nlu/teencode.tsv";
    private static final String LEXICON_SUFFIX = ".lexicon.txt";
    private static final String EXCEPTIONS = "safety-exceptions.txt";

    private NluFactory() {
    }

    /**
     * Below this calibrated probability a message that is not a crisis is labelled out_of_scope: chosen on 10-fold
     * cross-validation (docs/nlu.md), where it raised accuracy most. Not an operator setting: it moves with the model.
     */
    public static final double OUT_OF_SCOPE_BELOW = 0.20;

    public static Nlu build(ContentFiles files, ClassifierSettings settings, double lowConfidence) {
        TrainingExamples examples = new TrainingExamples(files);
        TextNormalizer normalizer = normalizer(examples);
        SafetyLexicon lexicon = lexicon(files, normalizer);
        OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(examples.byIntent(), normalizer, settings);
        LocationExtractor locations = LocationExtractor.load();
        java.util.function.Function<String, List<String>> words = line -> normalizer.normalize(line).accented();
        DialogueActs acts = new DialogueActs(words);
        FollowUps followUps = new FollowUps(words);
        WriterCues cues = new WriterCues(words);
        Calibration calibration = Calibration.load();
        MessageParser parser = new MessageParser(normalizer, lexicon, classifier, locations, acts, followUps, cues,
                calibration, lowConfidence, OUT_OF_SCOPE_BELOW);
        return new Nlu(examples, normalizer, lexicon, classifier, locations, acts, followUps, cues, calibration,
                lowConfidence, parser);
    }

    public static TextNormalizer normalizer(TrainingExamples examples) {
        return new TextNormalizer(Teencode.load(TEENCODE), examples.vocabulary());
    }

    /** The crisis phrases of {@code intents/*.lexicon.txt} and the idioms of {@code intents/safety-exceptions.txt}. */
    public static SafetyLexicon lexicon(ContentFiles files, TextNormalizer normalizer) {
        Map<String, String> phrases = new LinkedHashMap<>();
        for (String intent : List.of(Intents.EMERGENCY, Intents.SELF_HARM)) {
            String file = intent + LEXICON_SUFFIX;
            phrases.put(intent, files.intentFile(file)
                    .orElseThrow(() -> new IllegalStateException("intents/" + file + " is required")));
        }
        String exceptions = files.intentFile(EXCEPTIONS).orElse("");
        return new SafetyLexicon(phrases, exceptions, line -> normalizer.normalize(line).accented());
    }

    /**
     * The checks that need the folder listed (slow from the jar, so only the service runs them at start-up): no
     * examples file for an intent outside the contract, no lexicon for an intent other than the two crisis ones.
     */
    public static void checkContentFiles(ContentFiles files) {
        TrainingExamples.checkNoUnknownIntents(files);
        files.intentFiles(LEXICON_SUFFIX).keySet().forEach(name -> {
            String intent = name.substring(0, name.length() - LEXICON_SUFFIX.length());
            if (!Intents.isCrisis(intent)) {
                throw new IllegalStateException("intents/" + name + ": a safety lexicon may only force emergency or self_harm");
            }
        });
    }
}
