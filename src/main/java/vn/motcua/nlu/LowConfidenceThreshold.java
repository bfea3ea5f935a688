package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the confidence below which the bot asks instead of guessing, from cross-validated outcomes. Below the
 * threshold a right guess becomes an unneeded question, and a wrong guess becomes a question instead of a wrong
 * answer. The chosen threshold makes the most right decisions: right guesses answered plus wrong guesses asked.
 * Crisis predictions are left out: they are answered whatever the confidence.
 */
public final class LowConfidenceThreshold {

    /** The decision quality of one threshold. */
    public record Row(double threshold, double answered, double accuracyWhenAnswered, double wrongCaught,
                      double rightAsked, double decisionAccuracy) {

        public String format() {
            return String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |", threshold, answered,
                    accuracyWhenAnswered, wrongCaught, rightAsked, decisionAccuracy);
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
            rows.add(new Row(t, ratio(answered, judged.size()), ratio(answeredRight, answered), ratio(askedWrong, wrong),
                    ratio(askedRight, right), ratio(answeredRight + askedWrong, judged.size())));
        }
        return rows;
    }

    /** The threshold with the highest decision accuracy; on a tie, the lower one (fewer questions). */
    public static Row choose(Evaluation evaluation) {
        return sweep(evaluation).stream()
                .max(Comparator.comparingDouble(Row::decisionAccuracy)
                        .thenComparing(Comparator.comparingDouble(Row::threshold).reversed()))
                .orElseThrow();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
