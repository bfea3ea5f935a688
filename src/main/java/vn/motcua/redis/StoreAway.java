package vn.motcua.redis;

import java.net.ConnectException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import reactor.util.retry.Retry;

/**
 * Tells a store that is away (Redis unreachable, a command that timed out) from a real failure, and retries work that
 * met the first until the store is back. Work retried this way must be safe to run twice, as a turn and a send's
 * bookkeeping are (ids make them idempotent). The in-memory store never fails this way.
 */
public final class StoreAway {

    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(5);

    private StoreAway() {
    }

    /** True when {@code e}, or one of its causes, says the store could not be reached, rather than refused a command. */
    public static boolean isAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof ConnectException
                    // A connection reset while a command was on its way (Redis stopped mid-command).
                    || cause instanceof java.io.IOException
                    || cause instanceof io.lettuce.core.RedisConnectionException
                    || cause instanceof io.lettuce.core.RedisCommandTimeoutException) {
                return true;
            }
            if (cause instanceof io.lettuce.core.RedisException
                    && !(cause instanceof io.lettuce.core.RedisCommandExecutionException)) {
                // "Currently not connected. Commands are rejected." and the like: the connection, not the command.
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Retries for as long as the store is away, backing off up to a few seconds; other errors pass through. */
    public static Retry untilBack() {
        return Retry.backoff(Long.MAX_VALUE, FIRST).maxBackoff(LONGEST).jitter(0.2).filter(StoreAway::isAway);
    }
}
