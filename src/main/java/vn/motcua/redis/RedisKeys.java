package vn.motcua.redis;

/**
 * Names every key the service writes: the configured prefix, then the kind, then the parts. Keys about one
 * conversation carry its hash tag ({@code {conv:<id>}}), so that a command or a Lua script touching several of them
 * stays in one Redis Cluster slot. docs/architecture.md lists every key.
 */
public final class RedisKeys {

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** A key made of the prefix and the parts, joined with ':'. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** A key about one conversation: {@code <prefix><kind>:{conv:<id>}}. */
    public String conversation(String kind, String conversationId) {
        return prefix + kind + ":" + tag(conversationId);
    }

    /** The hash tag that keeps one conversation's keys in one Cluster slot. */
    public static String tag(String conversationId) {
        return "{conv:" + conversationId + "}";
    }

    /** The SCAN pattern that matches every key of this service (never KEYS). */
    public String everything() {
        return prefix + "*";
    }
}
