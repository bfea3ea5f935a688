package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/** Loads the teencode table ({@code abbreviation<TAB>expansion}, resolved for this domain: "ck" is chồng). */
public final class Teencode {

    private Teencode() {
    }

    public static Map<String, String> load(String classpathResource) {
        try (InputStream in = Teencode.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException(classpathResource + " is missing from the classpath");
            }
            Map<String, String> table = new HashMap<>();
            String text = Normalizer.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8), Normalizer.Form.NFC);
            for (String line : text.split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length >= 2) {
                    table.put(parts[0].strip().toLowerCase(java.util.Locale.ROOT), parts[1].strip());
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
