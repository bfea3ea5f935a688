package vn.motcua.dialogue;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.ContentRequirement;

/**
 * The policy's claim on the answer files: every {@link AnswerName}, and the English twin of each answer that a
 * message in English must get in English ({@link EnglishReplies#REQUIRED}), checked at start-up and before each
 * reload.
 */
@Component
public class RequiredAnswers implements ContentRequirement {

    @Override
    public List<String> missingFrom(Answers answers) {
        List<String> missing = new ArrayList<>();
        for (AnswerName name : AnswerName.values()) {
            need(answers, name.intent(), name.variant(), missing);
            EnglishReplies.requiredTwin(name).ifPresent(twin -> need(answers, name.intent(), twin, missing));
        }
        need(answers, AnswerBook.SYSTEM, EnglishReplies.VIETNAMESE_ONLY, missing);
        return missing;
    }

    private static void need(Answers answers, String intent, String variant, List<String> missing) {
        if (!answers.has(intent, variant)) {
            missing.add(intent + "/" + variant);
        }
    }
}
