package vn.motcua.nlu;

/**
 * The NLU pieces built from one set of content files: what the web service, the command line, the benchmark and the
 * evaluation share.
 */
public record Nlu(TrainingExamples examples, TextNormalizer normalizer, SafetyLexicon lexicon,
                  OpenNlpIntentClassifier classifier, LocationExtractor locations, MessageParser parser) {
}
