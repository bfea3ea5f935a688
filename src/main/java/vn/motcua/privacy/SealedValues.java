package vn.motcua.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sealed values in a stored text and seals them again under the current key: the whole text when it is one
 * sealed value, or every sealed value inside it (a JSON document whose fields are sealed). Nothing else of the text
 * changes. Used by {@code reseal}, which works on stored values without knowing what each key holds.
 */
public final class SealedValues {

    /** A quoted base64 string long enough to be a legacy sealed value (no key id), inside a JSON document. */
    private static final Pattern QUOTED_LEGACY = Pattern.compile("\"([A-Za-z0-9+/]{36,}={0,2})\"");

    /**
     * What one stored text became.
     *
     * @param value     the text to store: the same object when nothing changed
     * @param resealed  sealed values sealed again under the current key
     * @param current   sealed values the current key had sealed already
     * @param unopened  sealed values no listed key opens (left as they are)
     */
    public record Result(String value, int resealed, int current, int unopened) {

        public boolean changed() {
            return resealed > 0;
        }

        public int sealed() {
            return resealed + current + unopened;
        }
    }

    /** Sealed values inside sealed values are followed this deep, no deeper. */
    private static final int MAX_DEPTH = 4;

    private final TextSealer sealer;

    public SealedValues(TextSealer sealer) {
        this.sealer = sealer;
    }

    public Result rewrite(String text) {
        return rewrite(text, new Counts());
    }

    /** Counts into {@code counts}; the result's counts are those of this text and what it holds. */
    private Result rewrite(String text, Counts counts) {
        if (text == null || text.isEmpty()) {
            return new Result(text, 0, 0, 0);
        }
        Counts mine = new Counts();
        mine.depth = counts.depth;
        String done;
        if (sealer.isSealed(text)) {
            done = one(text, mine);
        } else {
            String step = replace(TextSealer.SEALED, text, 0, mine);
            done = replace(QUOTED_LEGACY, step, 1, mine);
        }
        counts.resealed += mine.resealed;
        counts.current += mine.current;
        counts.unopened += mine.unopened;
        return mine.result(done, text);
    }

    private String replace(Pattern pattern, String text, int group, Counts counts) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (matcher.find()) {
            String found = matcher.group(group);
            if (group > 0 && !sealer.isLegacy(found)) {
                continue;
            }
            any = true;
            String replaced = matcher.group().replace(found, one(found, counts));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        if (!any) {
            return text;
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * One sealed value: opened, what it holds re-sealed in turn (a sealed JSON document whose fields are sealed too),
     * then sealed again when it or anything inside it was under an old key.
     */
    private String one(String sealed, Counts counts) {
        if (counts.depth >= MAX_DEPTH) {
            counts.unopened++;
            return sealed;
        }
        String plain;
        try {
            plain = sealer.open(sealed);
        } catch (IllegalStateException e) {
            counts.unopened++;
            return sealed;
        }
        counts.depth++;
        Result inner = rewrite(plain, counts);
        counts.depth--;
        if (!inner.changed() && sealer.sealingId().equals(TextSealer.keyId(sealed))) {
            counts.current++;
            return sealed;
        }
        counts.resealed++;
        return sealer.seal(inner.value());
    }

    private static final class Counts {
        int depth;
        int resealed;
        int current;
        int unopened;

        Result result(String value, String original) {
            return new Result(resealed > 0 ? value : original, resealed, current, unopened);
        }
    }
}
