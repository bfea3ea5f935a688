package vn.motcua.nlu;

/**
 * How the intent classifier is trained: the OpenNLP algorithm and its parameters, and which features it sees.
 * {@link #CHOSEN} is the winner of the 10-fold cross-validation written up in docs/nlu.md.
 *
 * @param algorithm     OpenNLP trainer: MAXENT, MAXENT_QN, NAIVEBAYES or PERCEPTRON; two joined by "+" are both trained
 *                      and their probabilities averaged
 * @param cutoff        features seen fewer times than this are dropped (0 or 1 on a data set this small)
 * @param iterations    training iterations
 * @param accentedWords also use words (and bigrams) as typed with their accents, beside the folded ones
 * @param bigrams       word bigrams
 * @param charNgrams    character 3- to 5-grams of the folded words
 */
public record ClassifierSettings(String algorithm, int cutoff, int iterations, boolean accentedWords, boolean bigrams,
                                 boolean charNgrams) {

    public static final ClassifierSettings CHOSEN = new ClassifierSettings("MAXENT+NAIVEBAYES", 0, 100, false, true, false);

    public ClassifierSettings withIterations(int newIterations) {
        return new ClassifierSettings(algorithm, cutoff, newIterations, accentedWords, bigrams, charNgrams);
    }

    /** A short label for comparison tables. */
    public String label() {
        return algorithm + " cutoff=" + cutoff + " it=" + iterations + " words=" + (accentedWords ? "folded+accented" : "folded")
                + " bigrams=" + (bigrams ? "on" : "off") + " chars=" + (charNgrams ? "on" : "off");
    }
}
