package vn.motcua.content;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Vietnamese without diacritics, the way many people type on a phone: "đánh" → "danh". */
public final class AccentFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private AccentFolding() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }
}
