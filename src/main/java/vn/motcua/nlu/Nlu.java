package vn.motcua.nlu;

/**
 * The NLU pieces built from one set of content files: what the web service, the command line, the benchmark and the
 * evaluation share.
 */
public record Nlu(TrainingExamples examples, TextNormalizer normalizer, SafetyLexicon lexicon,
                  OpenNlpIntentClassifier classifier, LocationExtractor locations, DialogueActs acts,
                  FollowUps followUps, WriterCues cues, Calibration calibration, double lowConfidence,
                  MessageParser parser) {

    /** A parser like the shipped one around another classifier (a cross-validation fold) and calibration. */
    public MessageParser parser(IntentClassifier other, Calibration otherCalibration, double outOfScopeBelow) {
        return new MessageParser(normalizer, lexicon, other, locations, acts, followUps, cues, otherCalibration,
                lowConfidence, outOfScopeBelow);
    }
}
