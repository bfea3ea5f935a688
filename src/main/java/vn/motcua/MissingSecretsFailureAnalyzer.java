package vn.motcua;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports the secrets a prod start lacks as one line, and a malformed MOTCUA_DATA_KEY the same way. */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
        if (!(cause instanceof ProductionSecrets.MissingSecretsException)
                && !(cause instanceof vn.motcua.privacy.DataKeys.InvalidDataKeyException)) {
            return null;
        }
        return new FailureAnalysis(cause.getMessage(),
                "Set them in the environment (README, \"Running in production\"); secrets never go in a file of the"
                        + " repository.", cause);
    }
}
