package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the NLU's own phrase tables from the classpath: {@code label<TAB>phrase} lines, {@code #} comments. */
final class LabelledPhrases {

    /** The label of exceptions: phrases that contain a listed phrase but mean something else. */
    static final String EXCEPT = "except";

    private LabelledPhrases() {
    }

    /** label → its phrase lines joined by newlines, labels in the order they first appear. */
    static Map<String, String> read(String resource) {
        Map<String, StringBuilder> byLabel = new LinkedHashMap<>();
        int number = 0;
        for (String line : text(resource).split("\\R")) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalStateException(resource + " line " + number + " is not label<TAB>phrase");
            }
            byLabel.computeIfAbsent(line.substring(0, tab).strip(), l -> new StringBuilder())
                    .append(line.substring(tab + 1).strip()).append('\n');
        }
        Map<String, String> out = new LinkedHashMap<>();
        byLabel.forEach((label, lines) -> out.put(label, lines.toString()));
        return out;
    }

    static String text(String resource) {
        try (InputStream in = LabelledPhrases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return Normalizer.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8), Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
