package vn.motcua.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.Limit;
import vn.motcua.privacy.SealedValues;

/**
 * Seals every sealed value under a prefix again with the current data key: SCAN of the prefix (never KEYS), then per
 * key by its type. It works on value formats, not on what each key means: a value that is sealed, or that holds
 * sealed values (a JSON document), is rewritten; nothing else is touched. Each write is a compare-and-set in Lua, so a
 * value the service changed meanwhile is left (and counted: run again), and a key keeps its TTL. Stream entries
 * cannot be changed in place: they are counted, and leave the streams as they are handled (keep the old key listed
 * until none is left). Set members are counted the same way.
 */
final class RedisResealer {

    /** The string is still the one read: write the new one, keeping the TTL. */
    static final String SET_IF_SAME = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[1], ARGV[2]) end
            return 1""";
    /** The hash field is still the one read (HSET keeps the key's TTL). */
    static final String HSET_IF_SAME = """
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1""";
    /** The list element at that index is still the one read (LSET keeps the key's TTL). */
    static final String LSET_IF_SAME = """
            if redis.call('LINDEX', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
            return 1""";

    /** What was found, counted; never a key name or a value. */
    enum Count {
        KEYS, SEALED, RESEALED, CURRENT, CHANGED_MEANWHILE, UNOPENED, LEFT_IN_STREAMS, LEFT_IN_SETS
    }

    private final RedisClusterCommands<String, String> redis;
    private final SealedValues values;
    private final boolean check;
    private final Map<Count, Long> counts = new EnumMap<>(Count.class);

    RedisResealer(RedisClusterCommands<String, String> redis, SealedValues values, boolean check) {
        this.redis = redis;
        this.values = values;
        this.check = check;
        for (Count c : Count.values()) {
            counts.put(c, 0L);
        }
    }

    Map<Count, Long> run(String prefix) {
        ScanArgs args = ScanArgs.Builder.matches(escape(prefix) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            page.getKeys().forEach(this::key);
            cursor = page;
        } while (!cursor.isFinished());
        return counts;
    }

    private void key(String key) {
        add(Count.KEYS, 1);
        switch (redis.type(key)) {
            case "string" -> string(key);
            case "hash" -> redis.hgetall(key).forEach((field, value) -> field(key, field, value));
            case "list" -> list(key);
            case "set" -> redis.smembers(key).forEach(member -> left(member, Count.LEFT_IN_SETS));
            case "zset" -> redis.zrange(key, 0, -1).forEach(member -> left(member, Count.LEFT_IN_SETS));
            case "stream" -> stream(key);
            default -> {
                // Gone since the SCAN, or a type the service does not write.
            }
        }
    }

    private void string(String key) {
        String value = redis.get(key);
        SealedValues.Result result = examine(value);
        if (result != null && result.changed() && !check) {
            written(redis.eval(SET_IF_SAME, ScriptOutputType.INTEGER, new String[] {key}, value, result.value()),
                    result);
        }
    }

    private void field(String key, String field, String value) {
        SealedValues.Result result = examine(value);
        if (result != null && result.changed() && !check) {
            written(redis.eval(HSET_IF_SAME, ScriptOutputType.INTEGER, new String[] {key}, field, value,
                    result.value()), result);
        }
    }

    private void list(String key) {
        List<String> elements = redis.lrange(key, 0, -1);
        for (int i = 0; i < elements.size(); i++) {
            SealedValues.Result result = examine(elements.get(i));
            if (result != null && result.changed() && !check) {
                written(redis.eval(LSET_IF_SAME, ScriptOutputType.INTEGER, new String[] {key}, Integer.toString(i),
                        elements.get(i), result.value()), result);
            }
        }
    }

    private void stream(String key) {
        String from = "-";
        while (true) {
            List<StreamMessage<String, String>> page = redis.xrange(key,
                    Range.create(from, "+"), Limit.from(500));
            for (StreamMessage<String, String> entry : page) {
                if (from.equals(entry.getId())) {
                    continue;
                }
                entry.getBody().values().forEach(v -> left(v, Count.LEFT_IN_STREAMS));
            }
            if (page.size() < 500) {
                return;
            }
            from = page.get(page.size() - 1).getId();
        }
    }

    /** The counts of one value; null when it holds nothing sealed. */
    private SealedValues.Result examine(String value) {
        SealedValues.Result result = values.rewrite(value);
        if (result.sealed() == 0) {
            return null;
        }
        add(Count.SEALED, result.sealed());
        add(Count.CURRENT, result.current());
        add(Count.UNOPENED, result.unopened());
        if (check) {
            // Counted as "to re-seal"; nothing is written.
            add(Count.RESEALED, result.resealed());
        }
        return result;
    }

    private void written(Object answer, SealedValues.Result result) {
        if (Long.valueOf(1).equals(answer)) {
            add(Count.RESEALED, result.resealed());
        } else {
            add(Count.CHANGED_MEANWHILE, result.resealed());
        }
    }

    private void left(String value, Count where) {
        SealedValues.Result result = values.rewrite(value);
        if (result.sealed() == 0) {
            return;
        }
        add(Count.SEALED, result.sealed());
        add(Count.CURRENT, result.current());
        add(Count.UNOPENED, result.unopened());
        add(where, result.resealed());
    }

    private void add(Count count, long n) {
        counts.merge(count, n, Long::sum);
    }

    /** SCAN's MATCH is a glob: the prefix is matched literally. */
    static String escape(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
