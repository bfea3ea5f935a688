package vn.motcua.nlu;

import java.util.List;

/**
 * What the bot understood of one message.
 *
 * @param intent        the chosen intent
 * @param confidence    the classifier's probability for it (1.0 when a button or the safety lexicon decided)
 * @param ranking       every intent ranked, best first; the top alternatives when confidence is low
 * @param lowConfidence true when the bot should ask rather than guess
 * @param safetyPhrase  the lexicon phrase that forced a crisis intent, or null
 * @param location      the place the message names, or null
 */
public record Parse(String intent, double confidence, List<ScoredIntent> ranking, boolean lowConfidence,
                    String safetyPhrase, Location location) {

    /** A parse that names no place: the shape callers used before locations were extracted. */
    public Parse(String intent, double confidence, List<ScoredIntent> ranking, boolean lowConfidence,
                 String safetyPhrase) {
        this(intent, confidence, ranking, lowConfidence, safetyPhrase, null);
    }

    public static Parse certain(String intent) {
        return new Parse(intent, 1.0, List.of(new ScoredIntent(intent, 1.0)), false, null, null);
    }

    /** The most likely intents other than {@code out_of_scope}, best first. */
    public List<String> alternatives(int max) {
        return ranking.stream().map(ScoredIntent::intent).filter(i -> !Intents.OUT_OF_SCOPE.equals(i)).limit(max).toList();
    }
}
