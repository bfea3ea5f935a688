package vn.motcua.nlu;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.knowledge.ContentFiles;

/** Builds the NLU pipeline from the content files at start-up. */
@Configuration
class NluConfiguration {

    static final String TEENCODE = "nlu/teencode.tsv";
    private static final String LEXICON_SUFFIX = ".lexicon.txt";
    private static final String EXCEPTIONS = "safety-exceptions.txt";

    @Bean
    TextNormalizer textNormalizer(TrainingExamples examples) {
        return new TextNormalizer(Teencode.load(TEENCODE), examples.vocabulary());
    }

    @Bean
    IntentClassifier intentClassifier(TrainingExamples examples, TextNormalizer normalizer, NluProperties properties) {
        return new OpenNlpIntentClassifier(examples.byIntent(), normalizer, properties.iterations());
    }

    @Bean
    SafetyLexicon safetyLexicon(ContentFiles files) {
        Map<String, String> phrases = new LinkedHashMap<>();
        files.intentFiles(LEXICON_SUFFIX).forEach((name, text) -> {
            String intent = name.substring(0, name.length() - LEXICON_SUFFIX.length());
            if (!Intents.isCrisis(intent)) {
                throw new IllegalStateException("intents/" + name + ": a safety lexicon may only force emergency or self_harm");
            }
            phrases.put(intent, text);
        });
        if (phrases.size() != 2) {
            throw new IllegalStateException("intents/emergency" + LEXICON_SUFFIX + " and intents/self_harm" + LEXICON_SUFFIX
                    + " are both required");
        }
        String exceptions = files.intentFiles(EXCEPTIONS).values().stream().findFirst().orElse("");
        return new SafetyLexicon(phrases, exceptions);
    }

    @Bean
    MessageParser messageParser(TextNormalizer normalizer, SafetyLexicon lexicon, IntentClassifier classifier,
                                NluProperties properties) {
        return new MessageParser(normalizer, lexicon, classifier, properties.lowConfidence());
    }
}
