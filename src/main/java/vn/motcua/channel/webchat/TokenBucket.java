package vn.motcua.channel.webchat;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills {@code capacity} tokens per period at an even rate,
 * and each message takes one. A burst of {@code capacity} messages passes; after that, one per refill interval.
 */
final class TokenBucket {

    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.nanosPerToken = (double) periodNanos / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when a token was taken, otherwise the nanoseconds until one is there
     */
    synchronized long tryTake(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) / nanosPerToken);
            updatedAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
