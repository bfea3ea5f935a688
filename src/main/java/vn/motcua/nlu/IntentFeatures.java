package vn.motcua.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * The features the classifier sees. OpenNLP hands a feature generator one token array, so a message travels as its
 * folded tokens, a {@link #SEPARATOR}, then its tokens as typed ({@link #tokens(NormalizedText)}).
 *
 * <p>Folded words carry the meaning whether or not the person typed accents. Accented words are added only where
 * the person typed accents, so they sharpen a message written with them ("từ từ" vs "tự tử") without splitting the
 * evidence of the many messages written without. Character n-grams catch typos and inflected spellings.
 */
final class IntentFeatures implements FeatureGenerator {

    static final String SEPARATOR = "\u0000";

    private final ClassifierSettings settings;

    IntentFeatures(ClassifierSettings settings) {
        this.settings = settings;
    }

    static String[] tokens(NormalizedText text) {
        if (text.isEmpty()) {
            return new String[] {SEPARATOR};
        }
        List<String> all = new ArrayList<>(text.folded().size() * 2 + 1);
        all.addAll(text.folded());
        all.add(SEPARATOR);
        all.addAll(text.accented());
        return all.toArray(String[]::new);
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        int split = indexOfSeparator(tokens);
        int n = split;
        List<String> features = new ArrayList<>(n * (settings.charNgrams() ? 12 : 4) + 1);
        for (int i = 0; i < n; i++) {
            String folded = tokens[i];
            String accented = tokens[split + 1 + i];
            features.add("w=" + folded);
            boolean typedWithAccents = !accented.equals(folded);
            if (settings.accentedWords() && typedWithAccents) {
                features.add("a=" + accented);
            }
            if (settings.bigrams() && i + 1 < n) {
                features.add("b=" + folded + "_" + tokens[i + 1]);
                String nextAccented = tokens[split + 2 + i];
                if (settings.accentedWords() && (typedWithAccents || !nextAccented.equals(tokens[i + 1]))) {
                    features.add("ab=" + accented + "_" + nextAccented);
                }
            }
            if (settings.charNgrams()) {
                addCharNgrams("<" + folded + ">", features);
            }
        }
        if (features.isEmpty()) {
            features.add("empty");
        }
        return features;
    }

    private static void addCharNgrams(String word, List<String> features) {
        for (int size = 3; size <= 5; size++) {
            for (int start = 0; start + size <= word.length(); start++) {
                features.add("c=" + word.substring(start, start + size));
            }
        }
    }

    private static int indexOfSeparator(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (SEPARATOR.equals(tokens[i])) {
                return i;
            }
        }
        throw new IllegalArgumentException("Tokens were not made by IntentFeatures.tokens");
    }
}
