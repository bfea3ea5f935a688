package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the classifier's scores into a probability that its best intent is right. The averaged MAXENT + NAIVEBAYES
 * scores are not probabilities of being right: a one-word message ("chào", "xóa") gets about 0.5 for an intent it
 * is nearly always right about, because one word gives each model little to be sure with, and averaging two models
 * that disagree about how sure to be flattens the result. This is a Platt-style logistic model of "the best intent
 * is right", fitted on cross-validated outcomes of the training examples ({@code nlu calibrate}), on four things the
 * classifier shows: the best score (as a logit), the margin between the best and the second score, the length of
 * the message (log of its words), and whether the best intent is a crisis one. The last is there because the
 * classifier's crisis guesses (without a lexicon phrase) are right less often than its other guesses at the same
 * score: crisis examples are many and vivid, so frightened but ordinary messages ("em sợ lắm") lean towards them.
 *
 * <p>The best intent's score becomes that probability; the other intents share the rest in proportion to their
 * scores, so the ranking keeps its order and sums to 1.
 *
 * @param bias    intercept
 * @param top     weight of logit(best score)
 * @param margin  weight of best score − second score
 * @param length  weight of ln(number of words)
 * @param crisis  weight of "the best intent is emergency or self_harm"
 */
public record Calibration(double bias, double top, double margin, double length, double crisis) {

    static final String RESOURCE = "nlu/calibration.properties";
    /** The classifier's own scores, unchanged: what the parser used before calibration. */
    public static final Calibration NONE = new Calibration(Double.NaN, 0, 0, 0, 0);
    private static final double EPSILON = 1e-4;

    /** The fitted parameters shipped in the jar; {@link #NONE} when there are none. */
    public static Calibration load() {
        try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            Properties p = new Properties();
            p.load(in);
            return new Calibration(number(p, "bias"), number(p, "top"), number(p, "margin"), number(p, "length"),
                    number(p, "crisis"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return Double.parseDouble(value.strip());
    }

    public boolean isNone() {
        return Double.isNaN(bias);
    }

    /** The features of one classification: logit(best), margin, ln(words), best is a crisis. */
    static double[] features(List<ScoredIntent> raw, int words) {
        double best = raw.isEmpty() ? 0 : raw.get(0).score();
        double second = raw.size() > 1 ? raw.get(1).score() : 0;
        boolean crisis = !raw.isEmpty() && Intents.isCrisis(raw.get(0).intent());
        return new double[] {logit(best), best - second, Math.log(Math.max(1, words)), crisis ? 1 : 0};
    }

    /** The probability that the best intent of {@code raw} is right. */
    public double correctness(List<ScoredIntent> raw, int words) {
        if (isNone()) {
            return raw.isEmpty() ? 0 : raw.get(0).score();
        }
        double[] x = features(raw, words);
        return sigmoid(bias + top * x[0] + margin * x[1] + length * x[2] + crisis * x[3]);
    }

    /** The ranking with calibrated scores: the best intent gets {@link #correctness}, the rest share what is left. */
    public List<ScoredIntent> apply(List<ScoredIntent> raw, int words) {
        if (isNone() || raw.isEmpty()) {
            return raw;
        }
        double best = raw.get(0).score();
        double q = correctness(raw, words);
        double rest = 1 - best;
        List<ScoredIntent> out = new ArrayList<>(raw.size());
        out.add(new ScoredIntent(raw.get(0).intent(), q));
        for (int i = 1; i < raw.size(); i++) {
            double share = rest <= 0 ? 1.0 / (raw.size() - 1) : raw.get(i).score() / rest;
            out.add(new ScoredIntent(raw.get(i).intent(), (1 - q) * share));
        }
        // A calibrated best below the second would reorder the ranking; keep the classifier's order (the
        // alternatives offered) and let the probability say how sure the bot is.
        return List.copyOf(out);
    }

    /** The properties file {@code nlu calibrate} writes. */
    public String format(String comment) {
        return String.format(Locale.ROOT, "# %s%nbias=%.6f%ntop=%.6f%nmargin=%.6f%nlength=%.6f%ncrisis=%.6f%n", comment,
                bias, top, margin, length, crisis);
    }

    static double logit(double p) {
        double clipped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(clipped / (1 - clipped));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
