package vn.motcua.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param contentDir a folder holding {@code intents/}; blank means the copy packaged in the jar */
@ConfigurationProperties("motcua.knowledge")
public record KnowledgeProperties(String contentDir) {
}
