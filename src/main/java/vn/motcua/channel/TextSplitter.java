package vn.motcua.channel;

import java.util.ArrayList;
import java.util.List;

/** Splits a long answer into parts a platform accepts, at sentence or line boundaries where possible. */
public final class TextSplitter {

    private TextSplitter() {
    }

    public static List<String> split(String text, int maxChars) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxChars) {
            int cut = lastBoundary(rest, maxChars);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int lastBoundary(String text, int maxChars) {
        for (String boundary : new String[] {"\n", ". ", "! ", "? ", " "}) {
            int at = text.lastIndexOf(boundary, maxChars - boundary.length());
            if (at > maxChars / 2) {
                return at + boundary.length();
            }
        }
        return maxChars;
    }
}
