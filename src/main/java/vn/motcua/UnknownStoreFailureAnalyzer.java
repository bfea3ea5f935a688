package vn.motcua;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused {@code MOTCUA_STORE} (or Redis timings that cannot work) as its one line, not a stack trace. */
class UnknownStoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreSetting.UnknownStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreSetting.UnknownStoreException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MOTCUA_STORE to one of the accepted values (or leave it unset for memory), and MOTCUA_REDIS_CLAIM_AFTER "
                        + "longer than MOTCUA_LOCK_TTL.", cause);
    }
}
