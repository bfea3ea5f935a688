package vn.motcua.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lowConfidence below this probability the bot asks instead of guessing
 * @param iterations    maximum-entropy training iterations
 */
@ConfigurationProperties("motcua.nlu")
public record NluProperties(double lowConfidence, int iterations) {

    public NluProperties {
        lowConfidence = lowConfidence > 0 ? lowConfidence : 0.35;
        iterations = iterations > 0 ? iterations : 300;
    }
}
