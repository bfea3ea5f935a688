package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the probability below which the parser labels a message {@code out_of_scope} (weather, loans, "lol",
 * "asdfgh"): messages about nothing the bot knows get low scores everywhere. Swept on cross-validated outcomes of the
 * bare classifier; the chosen value is the one with the best accuracy, the lower one on a tie.
 */
public final class OutOfScopeFallback {

    /** Accuracy and macro-F1 when messages below {@code threshold} become out_of_scope. */
    public record Row(double threshold, double accuracy, double macroF1) {

        public String format() {
            return String.format(Locale.ROOT, "| %.2f | %.3f | %.3f |", threshold, accuracy, macroF1);
        }
    }

    private OutOfScopeFallback() {
    }

    public static Evaluation apply(Evaluation raw, double threshold) {
        List<Evaluation.Outcome> moved = new ArrayList<>(raw.size());
        for (Evaluation.Outcome o : raw.outcomes()) {
            boolean fallback = o.confidence() < threshold && !Intents.isCrisis(o.predicted());
            moved.add(fallback ? new Evaluation.Outcome(o.expected(), Intents.OUT_OF_SCOPE, o.confidence(), true) : o);
        }
        return new Evaluation(moved);
    }

    public static List<Row> sweep(Evaluation raw) {
        List<Row> rows = new ArrayList<>();
        for (int step = 0; step <= 8; step++) {
            double t = step * 0.05;
            Evaluation e = apply(raw, t);
            rows.add(new Row(t, e.accuracy(), e.macroF1()));
        }
        return rows;
    }

    public static Row choose(Evaluation raw) {
        return sweep(raw).stream()
                .max(Comparator.comparingDouble(Row::accuracy)
                        .thenComparing(Comparator.comparingDouble(Row::threshold).reversed()))
                .orElseThrow();
    }
}
