package vn.motcua.knowledge;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for missing answers is reported as the one line that names them, not as a bean stack trace. */
class MissingAnswersFailureAnalyzer extends AbstractFailureAnalyzer<MissingAnswersException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAnswersException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Add the missing answers to the intents/ files (docs/content.md lists the required ones), or point "
                        + "MOTCUA_CONTENT_DIR at a complete content folder.", cause);
    }
}
