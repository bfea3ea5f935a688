package vn.motcua.nlu;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one signed-in user may call {@code POST /api/nlu/parse}: {@code limit} calls per {@code period} (a token
 * bucket: a burst of {@code limit}, then an even rate), beyond which the answer is 429.
 */
@ConfigurationProperties("motcua.nlu.parse-rate")
public record ParseRateProperties(int limit, Duration period) {

    public ParseRateProperties {
        limit = limit > 0 ? limit : 10;
        period = period != null && period.compareTo(Duration.ZERO) > 0 ? period : Duration.ofSeconds(1);
    }
}
