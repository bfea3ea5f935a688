package vn.motcua.dialogue;

import java.util.Optional;

import vn.motcua.nlu.Intents;

/** The payloads our buttons carry: {@code INTENT:<id>} to go straight to an intent, {@code ERASE:…} to confirm erasure. */
public final class Payloads {

    public static final String INTENT_PREFIX = "INTENT:";
    public static final String ERASE_CONFIRM = "ERASE:CONFIRM";
    public static final String ERASE_CANCEL = "ERASE:CANCEL";
    /** The answers to "is it safe for you to talk now?". */
    public static final String SAFE_YES = "SAFE:YES";
    public static final String SAFE_NO = "SAFE:NO";

    private Payloads() {
    }

    public static String forIntent(String intent) {
        return INTENT_PREFIX + intent;
    }

    public static boolean isSafetyAnswer(String payload) {
        return SAFE_YES.equals(payload) || SAFE_NO.equals(payload);
    }

    public static boolean isEraseAnswer(String payload) {
        return ERASE_CONFIRM.equals(payload) || ERASE_CANCEL.equals(payload);
    }

    /** The intent a payload points at, if it is one of ours. */
    public static Optional<String> intentOf(String payload) {
        if (payload != null && payload.startsWith(INTENT_PREFIX)) {
            String intent = payload.substring(INTENT_PREFIX.length());
            if (Intents.ALL.contains(intent)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
