package vn.motcua.nlu;

import java.util.List;

/**
 * What the bot understood of one message.
 *
 * @param intent        the chosen intent
 * @param confidence    the calibrated probability that it is right (1.0 when a button, the safety lexicon or a short
 *                      answer's phrase decided)
 * @param ranking       every intent ranked, best first, with calibrated probabilities; the top alternatives when the
 *                      bot asks
 * @param lowConfidence true when the bot should ask rather than answer: asking costs less than a likely wrong answer
 *                      ({@link MistakeCosts}), or the message is a follow-up question (or "I cannot call") that names
 *                      no topic of its own
 * @param safetyPhrase  the lexicon phrase that forced a crisis intent, or null
 * @param location      the place the message names, or null
 * @param language      "vi" or "en", decided for this message alone
 * @param followUp      the follow-up question the message asks ("có mất tiền ko" → COST), {@link FollowUp#NONE} if none
 * @param cannotCall    the person says a phone call is not possible or not wanted now ("ko dam goi, no nghe thay")
 * @param childSpeaking the person says they are a child ("em 12 tuổi", "em học lớp 6", "bố dượng đánh em")
 */
public record Parse(String intent, double confidence, List<ScoredIntent> ranking, boolean lowConfidence,
                    String safetyPhrase, Location location, String language, FollowUp followUp, boolean cannotCall,
                    boolean childSpeaking) {

    public Parse {
        language = language == null ? LanguageDetector.VIETNAMESE : language;
        followUp = followUp == null ? FollowUp.NONE : followUp;
    }

    /** A parse that names no place: the shape callers used before locations were extracted. */
    public Parse(String intent, double confidence, List<ScoredIntent> ranking, boolean lowConfidence,
                 String safetyPhrase) {
        this(intent, confidence, ranking, lowConfidence, safetyPhrase, null);
    }

    /** A Vietnamese parse with no follow-up and no cue about the writer: the shape before issue 10. */
    public Parse(String intent, double confidence, List<ScoredIntent> ranking, boolean lowConfidence,
                 String safetyPhrase, Location location) {
        this(intent, confidence, ranking, lowConfidence, safetyPhrase, location, LanguageDetector.VIETNAMESE,
                FollowUp.NONE, false, false);
    }

    public static Parse certain(String intent) {
        return new Parse(intent, 1.0, List.of(new ScoredIntent(intent, 1.0)), false, null, null);
    }

    /** The most likely intents other than {@code out_of_scope} and the dialogue acts, best first. */
    public List<String> alternatives(int max) {
        return ranking.stream().map(ScoredIntent::intent)
                .filter(i -> !Intents.OUT_OF_SCOPE.equals(i) && DialogueAct.of(i) == DialogueAct.NONE)
                .limit(max).toList();
    }

    /** The short answer this message is ("ok" → AFFIRM), {@link DialogueAct#NONE} if it is not one. */
    public DialogueAct act() {
        return lowConfidence ? DialogueAct.NONE : DialogueAct.of(intent);
    }

    public boolean isEnglish() {
        return LanguageDetector.ENGLISH.equals(language);
    }

    /**
     * A follow-up question, or "I cannot call", that names no topic the bot is sure of ("bao lâu", "nộp đơn ở đâu",
     * "ko goi dc"): the dialogue answers it for the current topic.
     */
    public boolean continuesTopic() {
        return (followUp != FollowUp.NONE || cannotCall) && lowConfidence;
    }

    /** The calibrated probability of the best intent minus that of the second. */
    public double margin() {
        double first = ranking.isEmpty() ? 0 : ranking.get(0).score();
        double second = ranking.size() > 1 ? ranking.get(1).score() : 0;
        return first - second;
    }
}
