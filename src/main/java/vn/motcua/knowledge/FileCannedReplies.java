package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.content.ContentFiles;

/**
 * Canned replies read from {@code intents/canned-replies.yml}, checked at start-up (a broken file stops it, naming
 * what is wrong) and read again on each request, so an edit in the content folder shows at once.
 */
@Component
class FileCannedReplies implements CannedReplies {

    static final String FILE = "canned-replies.yml";

    private final ContentFiles files;

    FileCannedReplies(ContentFiles files) {
        this.files = files;
        parse(files.intentFile(FILE).orElse(null));
    }

    @Override
    public Mono<List<CannedReply>> all() {
        return Mono.fromCallable(() -> parse(files.intentFile(FILE).orElse(null)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @SuppressWarnings("unchecked")
    static List<CannedReply> parse(String text) {
        if (text == null) {
            return List.of();
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalStateException("intents/" + FILE + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("replies") instanceof List<?> replies)) {
            throw new IllegalStateException("intents/" + FILE + ": expected a map with a list 'replies'");
        }
        List<CannedReply> parsed = new ArrayList<>();
        Set<String> shortcuts = new LinkedHashSet<>();
        for (Object item : replies) {
            if (!(item instanceof Map<?, ?> reply)) {
                throw new IllegalStateException("intents/" + FILE + ": every reply needs id, shortcut, title, text");
            }
            String id = string((Map<String, Object>) reply, "id");
            String shortcut = string((Map<String, Object>) reply, "shortcut");
            if (!shortcut.startsWith("/") || shortcut.contains(" ")) {
                throw new IllegalStateException("intents/" + FILE + ": reply '" + id
                        + "' needs a shortcut like /chao (a slash, no spaces)");
            }
            if (!shortcuts.add(shortcut)) {
                throw new IllegalStateException("intents/" + FILE + ": shortcut " + shortcut + " is used twice");
            }
            parsed.add(new CannedReply(id, shortcut, string((Map<String, Object>) reply, "title"),
                    string((Map<String, Object>) reply, "text").strip()));
        }
        return List.copyOf(parsed);
    }

    private static String string(Map<String, Object> reply, String key) {
        Object value = reply.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("intents/" + FILE + ": a reply has no '" + key + "'");
        }
        return s;
    }
}
