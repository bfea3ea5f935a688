package vn.motcua.privacy;

import java.util.regex.Pattern;

/**
 * The safety net under every log line: e-mail addresses, phone numbers and long runs of digits (platform ids, card
 * or ID numbers) are masked before a line is written. Log statements already carry no message text and no platform
 * id (only an 8-character prefix of the pseudonymous id); this catches what a library, an exception message or a
 * future mistake would let through.
 */
public final class LogRedaction {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A Vietnamese number (0…, 84…, +84…) or any international one (+…), with spaces, dots or dashes between. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}|\\(?\\+?84\\)?|0)(?:[ .\\-]?\\(?\\d\\)?){8,11}(?!\\w)");
    /** Nine digits or more, possibly grouped: ids, account, card and ID numbers. */
    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d(?:[ .\\-]?\\d){8,}(?!\\d)");

    private LogRedaction() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String masked = line;
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll("[email]");
        }
        masked = PHONE.matcher(masked).replaceAll("[phone]");
        return DIGITS.matcher(masked).replaceAll("[digits]");
    }
}
