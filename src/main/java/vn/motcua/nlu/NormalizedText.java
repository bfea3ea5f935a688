package vn.motcua.nlu;

import java.util.List;

/**
 * A message made comparable: tokens as written (NFC, lower case, teencode expanded, stretched letters squeezed) and
 * the same tokens with accents folded, position for position, and the language it is written in ("vi" or "en").
 */
public record NormalizedText(List<String> accented, List<String> folded, String language) {

    public NormalizedText(List<String> accented, List<String> folded) {
        this(accented, folded, LanguageDetector.VIETNAMESE);
    }

    public String foldedText() {
        return String.join(" ", folded);
    }

    public boolean isEmpty() {
        return folded.isEmpty();
    }

    /** The tokens from {@code start} to {@code end}, as a text of its own. */
    public NormalizedText slice(int start, int end) {
        return new NormalizedText(accented.subList(start, end), folded.subList(start, end), language);
    }
}
