package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well predicted intents match the true ones: accuracy, macro-F1, precision/recall/F1 per intent, crisis recall
 * (a true {@code emergency} or {@code self_harm} answered as either of them) and the most frequent confusions. Used by
 * {@code nlu eval}, the held-out test, cross-validation and docs/nlu.md.
 */
public final class Evaluation {

    /**
     * One judged message.
     *
     * @param asked the parser would ask what the person meant rather than answer {@code predicted}
     */
    public record Outcome(String expected, String predicted, double confidence, boolean asked) {

        public Outcome(String expected, String predicted, double confidence) {
            this(expected, predicted, confidence, false);
        }

        public boolean correct() {
            return expected.equals(predicted);
        }
    }

    /** Scores of one intent. */
    public record IntentScore(String intent, int support, int predicted, int correct) {

        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** A true intent taken for another, with how often. */
    public record Confusion(String expected, String predicted, int count) {
    }

    private final List<Outcome> outcomes;

    public Evaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public int size() {
        return outcomes.size();
    }

    public double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
    }

    /** Mean F1 over the intents that occur in the expected labels. */
    public double macroF1() {
        return perIntent().stream().filter(s -> s.support() > 0).mapToDouble(IntentScore::f1).average().orElse(0);
    }

    /** Share of true crisis messages (emergency and self_harm together) answered with a crisis intent. */
    public double crisisRecall() {
        long crises = outcomes.stream().filter(o -> Intents.isCrisis(o.expected())).count();
        long caught = outcomes.stream().filter(o -> Intents.isCrisis(o.expected()) && Intents.isCrisis(o.predicted()))
                .count();
        return crises == 0 ? 1.0 : (double) caught / crises;
    }

    public int crisisCount() {
        return (int) outcomes.stream().filter(o -> Intents.isCrisis(o.expected())).count();
    }

    /** Every intent of the contract, then any other label seen, in that order. */
    public List<IntentScore> perIntent() {
        Set<String> labels = new LinkedHashSet<>(Intents.ALL);
        outcomes.forEach(o -> {
            labels.add(o.expected());
            labels.add(o.predicted());
        });
        List<IntentScore> scores = new ArrayList<>();
        for (String label : labels) {
            int support = 0;
            int predicted = 0;
            int correct = 0;
            for (Outcome o : outcomes) {
                support += o.expected().equals(label) ? 1 : 0;
                predicted += o.predicted().equals(label) ? 1 : 0;
                correct += o.expected().equals(label) && o.correct() ? 1 : 0;
            }
            if (support > 0 || predicted > 0) {
                scores.add(new IntentScore(label, support, predicted, correct));
            }
        }
        return scores;
    }

    /** The most frequent (expected → predicted) mistakes, most frequent first. */
    public List<Confusion> topConfusions(int max) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (!o.correct()) {
                counts.merge(o.expected() + "\t" + o.predicted(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(e -> {
                    String[] pair = e.getKey().split("\t");
                    return new Confusion(pair[0], pair[1], e.getValue());
                })
                .toList();
    }

    /** The plain-text report {@code nlu eval} prints. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "messages       %d%n", size()));
        out.append(String.format(Locale.ROOT, "accuracy       %.3f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "macro-F1       %.3f%n", macroF1()));
        out.append(String.format(Locale.ROOT, "crisis recall  %.3f  (%d emergency + self_harm messages)%n", crisisRecall(),
                crisisCount()));
        out.append(String.format(Locale.ROOT, "%nintent              support  precision  recall     F1%n"));
        for (IntentScore s : perIntent()) {
            out.append(String.format(Locale.ROOT, "%-20s %7d  %9.3f  %6.3f  %5.3f%n", s.intent(), s.support(),
                    s.precision(), s.recall(), s.f1()));
        }
        List<Confusion> confusions = topConfusions(10);
        out.append(String.format(Locale.ROOT, "%nmost frequent confusions (expected -> predicted)%n"));
        if (confusions.isEmpty()) {
            out.append("none\n");
        }
        for (Confusion c : confusions) {
            out.append(String.format(Locale.ROOT, "%3d  %s -> %s%n", c.count(), c.expected(), c.predicted()));
        }
        return out.toString();
    }

    /** Intents sorted by F1, worst first: where new training examples help most. */
    public List<IntentScore> weakest(int max) {
        return perIntent().stream().filter(s -> s.support() > 0).sorted(Comparator.comparingDouble(IntentScore::f1))
                .limit(max).toList();
    }
}
