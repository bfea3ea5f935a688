package vn.motcua.nlu;

import java.util.List;

/**
 * A message made comparable: tokens as written (NFC, lower case, teencode expanded, stretched letters squeezed) and
 * the same tokens with accents folded, position for position.
 */
public record NormalizedText(List<String> accented, List<String> folded) {

    public String foldedText() {
        return String.join(" ", folded);
    }

    public boolean isEmpty() {
        return folded.isEmpty();
    }
}
