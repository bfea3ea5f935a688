package vn.motcua.dialogue;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.knowledge.ContentRequirement;

/** The policy's claim on the answer files: every {@link AnswerName}, checked at start-up and before each reload. */
@Component
public class RequiredAnswers implements ContentRequirement {

    @Override
    public List<String> missingFrom(Answers answers) {
        return Arrays.stream(AnswerName.values())
                .filter(name -> !answers.has(name.intent(), name.variant()))
                .map(AnswerName::label)
                .toList();
    }
}
