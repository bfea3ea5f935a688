package vn.motcua.nlu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.content.ContentFiles;

/** Builds the NLU pipeline from the content files at start-up, through the same {@link NluFactory} as the CLI. */
@Configuration
class NluConfiguration {

    @Bean
    Nlu nlu(ContentFiles files, NluProperties properties) {
        NluFactory.checkContentFiles(files);
        return NluFactory.build(files, ClassifierSettings.CHOSEN.withIterations(properties.iterations()),
                properties.lowConfidence());
    }

    @Bean
    TrainingExamples trainingExamples(Nlu nlu) {
        return nlu.examples();
    }

    @Bean
    TextNormalizer textNormalizer(Nlu nlu) {
        return nlu.normalizer();
    }

    @Bean
    IntentClassifier intentClassifier(Nlu nlu) {
        return nlu.classifier();
    }

    @Bean
    SafetyLexicon safetyLexicon(Nlu nlu) {
        return nlu.lexicon();
    }

    @Bean
    LocationExtractor locationExtractor(Nlu nlu) {
        return nlu.locations();
    }

    @Bean
    MessageParser messageParser(Nlu nlu) {
        return nlu.parser();
    }
}
