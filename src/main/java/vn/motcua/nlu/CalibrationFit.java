package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a {@link Calibration} on cross-validated classifications (logistic regression by Newton's method with a small
 * ridge penalty), and measures how well probabilities match outcomes: log-loss, Brier score and expected calibration
 * error over ten equal-width bins.
 */
public final class CalibrationFit {

    /** One cross-validated classification: the classifier's ranking, the message length, whether the best was right. */
    public record Sample(List<ScoredIntent> raw, int words, boolean correct) {
    }

    private static final double RIDGE = 1e-3;
    private static final int ITERATIONS = 50;

    private CalibrationFit() {
    }

    public static Calibration fit(List<Sample> samples) {
        int n = 5;
        double[] w = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (Sample s : samples) {
                double[] x = withBias(Calibration.features(s.raw(), s.words()));
                double p = Calibration.sigmoid(dot(w, x));
                double y = s.correct() ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    gradient[i] += (p - y) * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                gradient[i] += RIDGE * samples.size() * w[i];
                hessian[i][i] += RIDGE * samples.size();
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                w[i] -= step[i];
                largest = Math.max(largest, Math.abs(step[i]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return new Calibration(w[0], w[1], w[2], w[3], w[4]);
    }

    /** How well a set of probabilities matches what happened. */
    public record Quality(int samples, double logLoss, double brier, double ece, double meanConfidence,
                          double accuracy) {

        public String format() {
            return String.format(Locale.ROOT, "%d messages: log-loss %.3f, Brier %.3f, ECE %.3f (mean confidence %.3f, "
                    + "accuracy %.3f)", samples, logLoss, brier, ece, meanConfidence, accuracy);
        }
    }

    public static Quality quality(List<Sample> samples, Calibration calibration) {
        double logLoss = 0;
        double brier = 0;
        double confidence = 0;
        int right = 0;
        int bins = 10;
        double[] binConfidence = new double[bins];
        double[] binRight = new double[bins];
        int[] binCount = new int[bins];
        for (Sample s : samples) {
            double p = Math.min(1 - 1e-6, Math.max(1e-6, calibration.correctness(s.raw(), s.words())));
            double y = s.correct() ? 1 : 0;
            logLoss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            brier += (p - y) * (p - y);
            confidence += p;
            right += s.correct() ? 1 : 0;
            int bin = Math.min(bins - 1, (int) (p * bins));
            binConfidence[bin] += p;
            binRight[bin] += y;
            binCount[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binConfidence[b] - binRight[b]) / samples.size();
            }
        }
        int size = Math.max(1, samples.size());
        return new Quality(samples.size(), logLoss / size, brier / size, ece, confidence / size, (double) right / size);
    }

    /**
     * The reliability table: for each tenth of confidence, how many messages and how often the best intent was right.
     */
    public static String reliability(List<Sample> samples, Calibration calibration) {
        int bins = 10;
        int[] count = new int[bins];
        int[] right = new int[bins];
        double[] sum = new double[bins];
        for (Sample s : samples) {
            double p = calibration.correctness(s.raw(), s.words());
            int bin = Math.min(bins - 1, (int) (p * bins));
            count[bin]++;
            right[bin] += s.correct() ? 1 : 0;
            sum[bin] += p;
        }
        StringBuilder out = new StringBuilder("| confidence | messages | mean confidence | right |\n|---|---|---|---|\n");
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", b / 10.0, (b + 1) / 10.0,
                        count[b], sum[b] / count[b], (double) right[b] / count[b]));
            }
        }
        return out.toString();
    }

    /**
     * Cross-fitted quality: the samples are dealt into {@code folds}; each part is scored by a calibration fitted on
     * the others, so the figure is not the fit's own training error.
     */
    public static Quality crossFitted(List<Sample> samples, int folds) {
        List<Sample> scored = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            List<Sample> training = new ArrayList<>();
            List<Sample> test = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                (i % folds == k ? test : training).add(samples.get(i));
            }
            Calibration c = fit(training);
            for (Sample s : test) {
                scored.add(s);
                probabilities.add(c.correctness(s.raw(), s.words()));
            }
        }
        // Score the collected probabilities with a calibration that returns them as they are.
        List<Sample> asRaw = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            asRaw.add(new Sample(List.of(new ScoredIntent("", probabilities.get(i))), 1, scored.get(i).correct()));
        }
        return quality(asRaw, Calibration.NONE);
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = m[i][n];
            for (int k = i + 1; k < n; k++) {
                sum -= m[i][k] * x[k];
            }
            x[i] = sum / m[i][i];
        }
        return x;
    }
}
