package vn.motcua.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.knowledge.ContentFiles;

/**
 * The examples staff write in {@code intents/<id>.examples.txt}, one message per line. Start-up fails when an
 * intent of the contract has no examples, or a file names an intent outside it.
 */
public class TrainingExamples {

    private static final String SUFFIX = ".examples.txt";

    private final Map<String, List<String>> byIntent = new LinkedHashMap<>();

    public TrainingExamples(ContentFiles files) {
        files.intentFiles(SUFFIX).forEach((fileName, content) -> {
            String intent = fileName.substring(0, fileName.length() - SUFFIX.length());
            if (!Intents.ALL.contains(intent)) {
                throw new IllegalStateException("intents/" + fileName + " names an intent that is not in spec/intents.md");
            }
            List<String> examples = new ArrayList<>();
            for (String line : Normalizer.normalize(content, Normalizer.Form.NFC).split("\\R")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    examples.add(line.strip());
                }
            }
            byIntent.put(intent, List.copyOf(examples));
        });
        for (String intent : Intents.ALL) {
            if (byIntent.getOrDefault(intent, List.of()).isEmpty()) {
                throw new IllegalStateException("intents/" + intent + SUFFIX + " is missing or has no examples");
            }
        }
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
