package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.content.ContentFiles;

/**
 * The examples staff write in {@code intents/<id>.examples.txt}, one message per line. Start-up fails when an
 * intent of the contract has no examples, or a file names an intent outside it.
 */
public class TrainingExamples {

    private static final String SUFFIX = ".examples.txt";

    private final Map<String, List<String>> byIntent = new LinkedHashMap<>();

    /** Reads {@code intents/<id>.examples.txt} for every intent of the contract, by name (fast from the jar). */
    public TrainingExamples(ContentFiles files) {
        for (String intent : Intents.ALL) {
            String content = files.intentFile(intent + SUFFIX).orElse("");
            List<String> examples = new ArrayList<>();
            for (String line : Normalizer.normalize(content, Normalizer.Form.NFC).split("\\R")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    examples.add(line.strip());
                }
            }
            if (examples.isEmpty()) {
                throw new IllegalStateException("intents/" + intent + SUFFIX + " is missing or has no examples");
            }
            byIntent.put(intent, List.copyOf(examples));
        }
    }

    /**
     * Fails when an examples file names an intent outside the contract (a typo would otherwise be silently ignored).
     * The service checks this at start-up; it lists the folder, which is slow from the jar, so the CLI skips it.
     */
    public static void checkNoUnknownIntents(ContentFiles files) {
        files.intentFiles(SUFFIX).keySet().forEach(fileName -> {
            String intent = fileName.substring(0, fileName.length() - SUFFIX.length());
            if (!Intents.ALL.contains(intent)) {
                throw new IllegalStateException("intents/" + fileName + " names an intent that is not in spec/intents.md");
            }
        });
    }

    public Map<String, List<String>> byIntent() {
        return byIntent;
    }

    /** Every folded word in the examples, to recognise words whose letters were stretched. */
    public Set<String> vocabulary() {
        Set<String> words = new HashSet<>();
        byIntent.values().forEach(list -> list.forEach(example -> words.addAll(TextNormalizer.plainFoldedTokens(example))));
        return words;
    }
}
