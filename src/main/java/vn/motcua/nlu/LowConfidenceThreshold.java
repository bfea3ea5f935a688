package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the confidence below which the bot asks instead of guessing, from cross-validated outcomes. Below the
 * threshold a right guess becomes an unneeded question, and a wrong guess becomes a question instead of a wrong
 * answer. A wrong answer costs more here than a question (a frightened person told about newsletters may leave), so
 * a wrong answer counts {@link #WRONG_ANSWER_COST} times an unneeded question; the chosen threshold has the lowest
 * cost per message. Crisis predictions are left out: they are answered whatever the confidence.
 */
public final class LowConfidenceThreshold {

    /** How many unneeded questions one wrong answer is worth. */
    public static final double WRONG_ANSWER_COST = 2.0;

    public static final String HEADER = "| threshold | answered | accuracy when answered | wrong guesses asked instead "
            + "| right guesses asked needlessly | cost per message |\n|---|---|---|---|---|---|";

    /** The decision quality of one threshold. */
    public record Row(double threshold, double answered, double accuracyWhenAnswered, double wrongCaught,
                      double rightAsked, double cost) {

        public String format() {
            return String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |", threshold, answered,
                    accuracyWhenAnswered, wrongCaught, rightAsked, cost);
        }
    }

    private LowConfidenceThreshold() {
    }

    public static List<Row> sweep(Evaluation evaluation) {
        List<Evaluation.Outcome> judged = evaluation.outcomes().stream()
                .filter(o -> !Intents.isCrisis(o.predicted())).toList();
        long right = judged.stream().filter(Evaluation.Outcome::correct).count();
        long wrong = judged.size() - right;
        List<Row> rows = new ArrayList<>();
        for (int step = 0; step <= 18; step++) {
            double t = step * 0.05;
            long answeredRight = judged.stream().filter(o -> o.confidence() >= t && o.correct()).count();
            long answeredWrong = judged.stream().filter(o -> o.confidence() >= t && !o.correct()).count();
            long askedWrong = wrong - answeredWrong;
            long askedRight = right - answeredRight;
            long answered = answeredRight + answeredWrong;
            double cost = (WRONG_ANSWER_COST * answeredWrong + askedRight) / Math.max(1, judged.size());
            rows.add(new Row(t, ratio(answered, judged.size()), ratio(answeredRight, answered), ratio(askedWrong, wrong),
                    ratio(askedRight, right), cost));
        }
        return rows;
    }

    /** The threshold with the lowest cost; on a tie, the lower one (fewer questions). */
    public static Row choose(Evaluation evaluation) {
        return sweep(evaluation).stream()
                .min(Comparator.comparingDouble(Row::cost).thenComparingDouble(Row::threshold))
                .orElseThrow();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
