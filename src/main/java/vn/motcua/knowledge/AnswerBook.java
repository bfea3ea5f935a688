package vn.motcua.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import vn.motcua.message.QuickReplyOption;
import vn.motcua.content.AccentFolding;
import vn.motcua.content.ContentFiles;

/**
 * Every answer the bot can give, loaded from {@code intents/*.answers.yml}. Answers live in files staff can edit,
 * not in Java strings; a broken file stops start-up with its name, so a bad edit never reaches people. Staff can
 * reload corrected files while the service runs ({@link ContentReloader}).
 */
@Component
public class AnswerBook {

    /** The file of replies not tied to one intent (first-contact notice, clarification, attachments …). */
    public static final String SYSTEM = "system";

    private static final String SUFFIX = ".answers.yml";

    /**
     * How a variant's name marks its English twin: {@code default_en} is {@code default} in English. English answers
     * are never chosen by a message's words; they replace their Vietnamese twin when the person writes in English.
     */
    public static final String ENGLISH_SUFFIX = "_en";

    /** One complete, parsed set of answer files; replaced whole, never edited in place. */
    record Contents(Map<String, Map<String, Answer>> answers, Map<String, String> topics,
                    Map<String, List<VariantTrigger>> triggers, Map<String, String> englishTopics,
                    Set<String> englishTitles) implements ContentRequirement.Answers {

        @Override
        public boolean has(String intent, String variant) {
            return answers.getOrDefault(intent, Map.of()).containsKey(variant);
        }

        /** Every answer the requirements name that these files lack. */
        List<String> missing(List<ContentRequirement> requirements) {
            return requirements.stream().flatMap(r -> r.missingFrom(this).stream()).distinct().toList();
        }
    }

    /** A variant chosen when the message contains one of its phrases ({@code when:} in the file, in file order). */
    record VariantTrigger(String variant, List<List<String>> phrases) {
    }

    private volatile Contents contents;

    /** Answers with no requirement on them: for tests of the book itself. */
    public AnswerBook(ContentFiles files) {
        this(files, List.of());
    }

    /** Stops start-up when the files lack an answer that a requirement names. */
    @Autowired
    public AnswerBook(ContentFiles files, ObjectProvider<ContentRequirement> requirements) {
        this(files, requirements.orderedStream().toList());
    }

    public AnswerBook(ContentFiles files, List<ContentRequirement> requirements) {
        Contents parsed = parse(files);
        List<String> missing = parsed.missing(requirements);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missingMessage(missing));
        }
        this.contents = parsed;
    }

    static String missingMessage(List<String> missing) {
        return "intents/ lacks answers the bot cannot work without: " + String.join(", ", missing);
    }

    static Contents parse(ContentFiles files) {
        Map<String, Map<String, Answer>> answers = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        Map<String, List<VariantTrigger>> triggers = new HashMap<>();
        Map<String, String> englishTopics = new HashMap<>();
        files.intentFiles(SUFFIX).forEach((name, text) -> load(name, text, answers, topics, triggers, englishTopics));
        return new Contents(Map.copyOf(answers), Map.copyOf(topics), Map.copyOf(triggers), Map.copyOf(englishTopics),
                englishTitles(answers, topics, englishTopics));
    }

    /** The button titles only English answers use: tapping one is writing in English. */
    private static Set<String> englishTitles(Map<String, Map<String, Answer>> answers, Map<String, String> topics,
                                             Map<String, String> englishTopics) {
        Set<String> english = new HashSet<>(englishTopics.values());
        Set<String> vietnamese = new HashSet<>(topics.values());
        answers.values().forEach(variants -> variants.values().forEach(answer -> answer.quickReplies().forEach(q ->
                (answer.english() ? english : vietnamese).add(q.title()))));
        english.removeAll(vietnamese);
        return Set.copyOf(english);
    }

    void replace(Contents next) {
        this.contents = next;
    }

    /** The answer {@code variant} of {@code intent}, if staff wrote one. */
    public Optional<Answer> find(String intent, String variant) {
        return Optional.ofNullable(contents.answers().getOrDefault(intent, Map.of()).get(variant));
    }

    /** Like {@link #find} for answers the bot cannot work without. */
    public Answer get(String intent, String variant) {
        return find(intent, variant).orElseThrow(() ->
                new IllegalStateException("intents/" + intent + SUFFIX + " has no answer '" + variant + "'"));
    }

    /**
     * Which answer of an intent fits the message: the first variant whose {@code when:} phrases the message contains
     * (compared without accents, on whole words), otherwise {@code default}. So "chồng đánh vợ bị phạt bao nhiêu"
     * gets the fines answer of {@code legal_rights}, not its general one.
     */
    public String variantFor(String intent, String message) {
        if (message == null || message.isBlank()) {
            return "default";
        }
        List<String> words = words(message);
        for (VariantTrigger trigger : contents.triggers().getOrDefault(intent, List.of())) {
            if (trigger.phrases().stream().anyMatch(phrase -> Collections.indexOfSubList(words, phrase) >= 0)) {
                return trigger.variant();
            }
        }
        return "default";
    }

    private static List<String> words(String text) {
        return List.of(AccentFolding.fold(text.toLowerCase(Locale.ROOT)).split("[^\\p{L}\\p{Nd}]+"));
    }

    /** A short label for the intent, used as a button title when the bot asks what the person meant. */
    public Optional<String> topic(String intent) {
        return Optional.ofNullable(contents.topics().get(intent));
    }

    /** The intent's label in English ({@code topic_en} in its file), if staff wrote one. */
    public Optional<String> englishTopic(String intent) {
        return Optional.ofNullable(contents.englishTopics().get(intent));
    }

    /** True for the title of a button only English answers offer: a person who taps it reads English. */
    public boolean isEnglishTitle(String title) {
        return title != null && contents.englishTitles().contains(title.strip());
    }

    public Map<String, Map<String, Answer>> all() {
        return contents.answers();
    }

    @SuppressWarnings("unchecked")
    private static void load(String fileName, String content, Map<String, Map<String, Answer>> answers,
                             Map<String, String> topics, Map<String, List<VariantTrigger>> triggers,
                             Map<String, String> englishTopics) {
        String intent = fileName.substring(0, fileName.length() - SUFFIX.length());
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
            if (!(parsed instanceof Map<?, ?> root) || !(root.get("answers") instanceof Map<?, ?> variants)) {
                throw new IllegalStateException("intents/" + fileName + ": expected a map with 'answers'");
            }
            if (root.get("topic") instanceof String topic) {
                topics.put(intent, topic);
            }
            if (root.get("topic_en") instanceof String topic) {
                englishTopics.put(intent, topic);
            }
            Map<String, Answer> byVariant = new HashMap<>();
            List<VariantTrigger> chosenWhen = new ArrayList<>();
            ((Map<String, Object>) variants).forEach((variant, value) -> {
                byVariant.put(variant, answer(fileName, variant, value));
                if (!variant.endsWith(ENGLISH_SUFFIX) && value instanceof Map<?, ?> map
                        && map.get("when") instanceof List<?> phrases) {
                    chosenWhen.add(new VariantTrigger(variant,
                            phrases.stream().map(p -> words(String.valueOf(p))).toList()));
                }
            });
            answers.put(intent, withEnglishTwins(byVariant));
            triggers.put(intent, List.copyOf(chosenWhen));
        } catch (YAMLException | ClassCastException e) {
            throw new IllegalStateException("intents/" + fileName + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Each Vietnamese answer carries its English twin, when the file has one. */
    private static Map<String, Answer> withEnglishTwins(Map<String, Answer> byVariant) {
        Map<String, Answer> linked = new HashMap<>(byVariant);
        byVariant.forEach((variant, answer) -> {
            Answer twin = byVariant.get(variant + ENGLISH_SUFFIX);
            if (!answer.english() && twin != null) {
                linked.put(variant, answer.withEnglishTwin(twin));
            }
        });
        return linked;
    }

    private static ServiceQuery services(String fileName, String variant, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("types") instanceof List<?> types) || types.isEmpty()) {
            throw new IllegalStateException("intents/" + fileName + ": answer '" + variant
                    + "' has 'services' without a list of 'types'");
        }
        List<ServiceType> parsed = types.stream().map(t -> ServiceType.fromId(String.valueOf(t)).orElseThrow(() ->
                new IllegalStateException("intents/" + fileName + ": answer '" + variant + "' names unknown service type '"
                        + t + "'"))).toList();
        int limit = map.get("limit") instanceof Integer n ? n : 3;
        return new ServiceQuery(parsed, limit);
    }

    @SuppressWarnings("unchecked")
    private static Answer answer(String fileName, String variant, Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("text") instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("intents/" + fileName + ": answer '" + variant + "' has no text");
        }
        Object replies = map.get("quick_replies");
        List<QuickReplyOption> quickReplies = replies == null ? List.of() : ((List<Map<String, Object>>) replies)
                .stream()
                .map(q -> new QuickReplyOption(String.valueOf(q.get("title")), String.valueOf(q.get("payload"))))
                .toList();
        Object sources = map.get("sources");
        List<String> sourceList = sources == null ? List.of() : ((List<Object>) sources).stream().map(String::valueOf).toList();
        return new Answer(text.strip(), quickReplies, sourceList, services(fileName, variant, map.get("services")),
                variant.endsWith(ENGLISH_SUFFIX), null);
    }
}
