package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cross-validated comparison of classifier settings behind {@link ClassifierSettings#CHOSEN}: features, cutoff
 * and iterations one factor at a time on MAXENT, the other algorithms on the best features, then the averaged pair.
 * Scores are those of the bare classifier plus the safety lexicon (no out-of-scope fallback), so rows compare fairly. {@code nlu compare} prints it as the table
 * in docs/nlu.md.
 */
public final class ModelComparison {

    /** One compared setting and its cross-validated scores. */
    public record Row(ClassifierSettings settings, Evaluation evaluation, long trainMillis) {

        public String format() {
            ClassifierSettings s = settings;
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.3f | %.3f | %.3f | %d |", s.algorithm(),
                    s.cutoff(), s.iterations(), s.accentedWords() ? "folded+accented" : "folded",
                    s.bigrams() ? "on" : "off", s.charNgrams() ? "on" : "off", evaluation.accuracy(),
                    evaluation.macroF1(), evaluation.crisisRecall(), trainMillis);
        }
    }

    public static final String HEADER = "| algorithm | cutoff | iterations | words | bigrams | char n-grams | accuracy "
            + "| macro-F1 | crisis recall | training ms (full set) |\n|---|---|---|---|---|---|---|---|---|---|";

    private ModelComparison() {
    }

    public static List<ClassifierSettings> candidates() {
        List<ClassifierSettings> list = new ArrayList<>();
        ClassifierSettings base = ClassifierSettings.CHOSEN;
        list.add(base);
        // Features, one factor at a time.
        list.add(new ClassifierSettings("MAXENT", 0, 100, true, true, false));
        list.add(new ClassifierSettings("MAXENT", 0, 100, false, false, false));
        list.add(new ClassifierSettings("MAXENT", 0, 100, true, false, false));
        list.add(new ClassifierSettings("MAXENT", 0, 100, false, true, true));
        list.add(new ClassifierSettings("MAXENT", 0, 100, true, true, true));
        // Cutoff and iterations.
        list.add(new ClassifierSettings("MAXENT", 1, 100, false, true, false));
        list.add(new ClassifierSettings("MAXENT", 0, 300, false, true, false));
        list.add(new ClassifierSettings("MAXENT", 0, 600, false, true, false));
        // The other algorithms, on the best features and with character n-grams.
        list.add(new ClassifierSettings("MAXENT_QN", 0, 100, false, true, false));
        list.add(new ClassifierSettings("MAXENT_QN", 0, 300, false, true, false));
        list.add(new ClassifierSettings("MAXENT_QN", 0, 300, false, true, true));
        list.add(new ClassifierSettings("NAIVEBAYES", 0, 300, false, true, false));
        list.add(new ClassifierSettings("NAIVEBAYES", 0, 300, true, true, false));
        list.add(new ClassifierSettings("NAIVEBAYES", 0, 300, false, true, true));
        list.add(new ClassifierSettings("PERCEPTRON", 0, 300, false, true, false));
        list.add(new ClassifierSettings("PERCEPTRON", 1, 300, false, true, false));
        list.add(new ClassifierSettings("PERCEPTRON", 0, 300, false, true, true));
        // The two best single models together: their probabilities averaged.
        list.add(new ClassifierSettings("MAXENT+NAIVEBAYES", 0, 100, true, true, false));
        list.add(new ClassifierSettings("MAXENT+NAIVEBAYES", 0, 300, false, true, false));
        list.add(new ClassifierSettings("MAXENT+NAIVEBAYES", 0, 100, false, false, false));
        list.add(new ClassifierSettings("MAXENT", 0, 100, false, true, false));
        return list;
    }

    public static Row evaluate(Nlu nlu, ClassifierSettings settings, int folds) {
        Evaluation evaluation = new CrossValidation(nlu).run(settings, folds);
        OpenNlpIntentClassifier full = new OpenNlpIntentClassifier(nlu.examples().byIntent(), nlu.normalizer(), settings);
        return new Row(settings, evaluation, full.trainingMillis());
    }
}
