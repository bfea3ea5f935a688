package vn.motcua.nlu;

import java.util.List;
import java.util.Set;

/**
 * Whether the bot should answer its best guess or ask what the person meant, from what each mistake costs. With
 * calibrated probabilities q over the intents, answering intent i costs Σ_j q_j · wrong(i, j) and asking costs
 * Σ_j q_j · ask(j); the bot asks when asking is cheaper, and always below {@link #MIN_ANSWERED}. Costs are counted
 * against the right answer (which costs 0), in units of one question to a person who asked an ordinary question:
 * <ul>
 *   <li>a wrong answer: {@code 1 / (1 − t)} for the low-confidence setting t (2.5 at the default 0.60), that is
 *       t / (1 − t) questions worse than asking; so for an ordinary topic the bot asks exactly below t;</li>
 *   <li>a wrong answer that acts (subscribe, unsubscribe): twice that;</li>
 *   <li>a slightly wrong answer about harm (domestic violence answered as child abuse, elder abuse, being watched, …):
 *       {@link #RELATED_HARM}, less than a question: every one of those answers gives 113 and offers a caseworker;</li>
 *   <li>a crisis answer (the suicide answer, a CRITICAL alert) to a message that is not a crisis:
 *       {@link #FALSE_CRISIS}, or {@link #FALSE_CRISIS_HARM} when the person told of harm;</li>
 *   <li>a missed crisis: {@link #MISSED_CRISIS_HARM} when answered about harm (that answer still gives 113),
 *       {@link #MISSED_CRISIS} otherwise;</li>
 *   <li>a question to someone who has just told of harm or of having nowhere safe to stay ("chồng em đánh em"):
 *       {@link #ASK_DISCLOSURE}; to someone in crisis: {@link #ASK_CRISIS} (the question still gives 113 first); about
 *       a message on nothing the bot knows: {@link #ASK_OUT_OF_SCOPE} (the out-of-scope answer, what the bot can help
 *       with, serves better than "I did not understand").</li>
 * </ul>
 */
public final class MistakeCosts {

    /** Answers about harm: a mix-up among them is a slightly wrong answer, not a wrong one. */
    public static final Set<String> HARM = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.CHILD_ABUSE,
            Intents.SEXUAL_VIOLENCE, Intents.ELDER_ABUSE, Intents.BEING_WATCHED, Intents.ONLINE_ABUSE);
    /** What a person tells rather than asks: a question back is costly. */
    public static final Set<String> DISCLOSURES = Set.of(Intents.DOMESTIC_VIOLENCE, Intents.CHILD_ABUSE,
            Intents.SEXUAL_VIOLENCE, Intents.ELDER_ABUSE, Intents.BEING_WATCHED, Intents.SHELTER);
    private static final Set<String> ACTING = Set.of(Intents.SUBSCRIBE, Intents.UNSUBSCRIBE);

    static final double RELATED_HARM = 0.5;
    static final double FALSE_CRISIS = 5;
    static final double FALSE_CRISIS_HARM = 2;
    static final double MISSED_CRISIS_HARM = 3;
    static final double MISSED_CRISIS = 6;
    static final double CRISIS_MIX_UP = 0.25;
    static final double ASK_DISCLOSURE = 3;
    static final double ASK_CRISIS = 3;
    static final double ASK_OUT_OF_SCOPE = 0.75;
    /**
     * Below this probability the bot never answers, whatever the costs say. Only the best intent's probability is
     * calibrated; how the rest divides among the others is the classifier's guess, and for a vague message ("không
     * biết nữa") that guess spreads over the many harm intents and would make asking look costly.
     */
    static final double MIN_ANSWERED = 0.40;

    private final double wrongAnswer;

    /** @param lowConfidence the probability below which an ordinary topic is asked about rather than answered */
    public MistakeCosts(double lowConfidence) {
        double t = Math.min(0.99, Math.max(0.01, lowConfidence));
        this.wrongAnswer = 1 / (1 - t);
    }

    /** What answering {@code answered} costs when the person meant {@code meant}. */
    public double wrong(String answered, String meant) {
        if (answered.equals(meant)) {
            return 0;
        }
        boolean crisisAnswered = Intents.isCrisis(answered);
        boolean crisisMeant = Intents.isCrisis(meant);
        if (crisisAnswered && crisisMeant) {
            return CRISIS_MIX_UP;
        }
        if (crisisAnswered) {
            return HARM.contains(meant) ? FALSE_CRISIS_HARM : FALSE_CRISIS;
        }
        if (crisisMeant) {
            return HARM.contains(answered) ? MISSED_CRISIS_HARM : MISSED_CRISIS;
        }
        if (HARM.contains(answered) && HARM.contains(meant)) {
            return RELATED_HARM;
        }
        return ACTING.contains(answered) ? 2 * wrongAnswer : wrongAnswer;
    }

    /** What asking costs when the person meant {@code meant}. */
    public double ask(String meant) {
        if (Intents.isCrisis(meant)) {
            return ASK_CRISIS;
        }
        if (DISCLOSURES.contains(meant)) {
            return ASK_DISCLOSURE;
        }
        return Intents.OUT_OF_SCOPE.equals(meant) ? ASK_OUT_OF_SCOPE : 1;
    }

    public double answerCost(List<ScoredIntent> calibrated) {
        String answered = calibrated.get(0).intent();
        return calibrated.stream().mapToDouble(s -> s.score() * wrong(answered, s.intent())).sum();
    }

    public double askCost(List<ScoredIntent> calibrated) {
        return calibrated.stream().mapToDouble(s -> s.score() * ask(s.intent())).sum();
    }

    /**
     * True when asking what the person meant costs less than answering the best intent, or the best intent is less
     * likely than {@link #MIN_ANSWERED}.
     */
    public boolean shouldAsk(List<ScoredIntent> calibrated) {
        return !calibrated.isEmpty()
                && (calibrated.get(0).score() < MIN_ANSWERED || askCost(calibrated) < answerCost(calibrated));
    }
}
