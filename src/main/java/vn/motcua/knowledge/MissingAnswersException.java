package vn.motcua.knowledge;

import java.util.List;

/** The content folder lacks answers the bot cannot work without; the message names each one. */
public class MissingAnswersException extends IllegalStateException {

    public MissingAnswersException(List<String> missing) {
        super("intents/ lacks answers the bot cannot work without: " + String.join(", ", missing));
    }
}
