package vn.motcua.knowledge;

import java.util.List;

/**
 * What a room that speaks from the answer files needs to find in them. Every requirement is checked when the answers
 * are first loaded, so that start-up stops, and before a reload replaces them, so that the reload is refused: a
 * missing answer is named to whoever changed the files, never found missing in the middle of someone's turn.
 */
public interface ContentRequirement {

    /** The answers {@code answers} lacks, each named {@code <intent>/<variant>}; empty when none is missing. */
    List<String> missingFrom(Answers answers);

    /** One parsed set of answer files, as far as a requirement needs to see it. */
    @FunctionalInterface
    interface Answers {

        /** True when {@code intents/<intent>.answers.yml} has the answer {@code variant}. */
        boolean has(String intent, String variant);
    }
}
