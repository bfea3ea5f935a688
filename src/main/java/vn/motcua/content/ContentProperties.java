package vn.motcua.content;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param contentDir  a folder holding {@code intents/} and {@code directory-data/}; blank means the copy packaged in
 *                    the jar (which cannot change while the service runs)
 * @param watch       how often a content folder is checked for edits; zero turns watching off
 */
@ConfigurationProperties("motcua.content")
public record ContentProperties(String contentDir, Duration watch) {

    public ContentProperties {
        watch = watch == null ? Duration.ofSeconds(5) : watch;
    }

    /** Content from {@code contentDir} (or the packaged copy when null), not watched. */
    public static ContentProperties of(String contentDir) {
        return new ContentProperties(contentDir, Duration.ZERO);
    }
}
