package vn.motcua.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lowConfidence below this probability the bot asks instead of guessing (chosen on cross-validation, docs/nlu.md)
 * @param iterations    training iterations of the classifier
 */
@ConfigurationProperties("motcua.nlu")
public record NluProperties(double lowConfidence, int iterations) {

    /** Keep equal to application.yml's defaults: the command line reads the same variables without Spring. */
    public static final double DEFAULT_LOW_CONFIDENCE = 0.60;
    public static final int DEFAULT_ITERATIONS = 100;

    public NluProperties {
        lowConfidence = lowConfidence > 0 ? lowConfidence : DEFAULT_LOW_CONFIDENCE;
        iterations = iterations > 0 ? iterations : DEFAULT_ITERATIONS;
    }

    /** The same settings from the environment variables of application.yml, for the command line. */
    public static NluProperties fromEnvironment() {
        return new NluProperties(parse(System.getenv("MOTCUA_NLU_LOW_CONFIDENCE")),
                (int) parse(System.getenv("MOTCUA_NLU_ITERATIONS")));
    }

    private static double parse(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + value, e);
        }
    }
}
