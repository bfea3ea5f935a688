package vn.motcua;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused {@code MOTCUA_STORE} as its one line, instead of a stack trace. */
class UnknownStoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreSetting.UnknownStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreSetting.UnknownStoreException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MOTCUA_STORE to one of the accepted values, or leave it unset for memory.", cause);
    }
}
