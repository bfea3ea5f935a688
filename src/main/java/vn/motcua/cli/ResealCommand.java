package vn.motcua.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import vn.motcua.privacy.DataKeys;
import vn.motcua.privacy.PrivacyProperties;
import vn.motcua.privacy.SealedValues;
import vn.motcua.privacy.ServerSecret;
import vn.motcua.privacy.TextSealer;

/**
 * {@code java -jar motcua-chat.jar reseal [--check]}: seals everything stored again under the first key of
 * {@code MOTCUA_DATA_KEY} (README, "Rotating the data key"). Reads the same environment as the service
 * ({@code MOTCUA_STORE}, {@code MOTCUA_SECRET}, {@code MOTCUA_DATA_KEY}, {@code REDIS_URL}, {@code MOTCUA_REDIS_PREFIX},
 * {@code MOTCUA_REDIS_CLUSTER}) and starts neither Spring nor the web server. {@code --check} only counts. It prints
 * counts, never a key name or a value. Safe to run while the service runs, and to run again.
 */
public final class ResealCommand {

    private static final String USAGE = "usage: java -jar motcua-chat.jar reseal [--check]";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public ResealCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Entry point from {@code MotcuaApplication}: {@code args[0]} is "reseal". Returns the exit code. */
    public static int main(String[] args) {
        return new ResealCommand(System.getenv(), System.out, System.err).run(args);
    }

    public int run(String[] args) {
        boolean check = false;
        for (int i = 1; i < args.length; i++) {
            if ("--check".equals(args[i])) {
                check = true;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        String store = env.getOrDefault("MOTCUA_STORE", "memory").strip().toLowerCase(Locale.ROOT);
        if (store.isEmpty() || "memory".equals(store)) {
            out.println("MOTCUA_STORE is memory: the memory store keeps nothing after the service stops, so there is"
                    + " nothing to re-seal. A running service seals new values with the first key of MOTCUA_DATA_KEY"
                    + " once restarted with it.");
            return 0;
        }
        if (!"redis".equals(store)) {
            err.println("MOTCUA_STORE is \"" + store + "\"; accepted values: memory, redis");
            return 2;
        }
        String secret = env.get("MOTCUA_SECRET");
        if (secret == null || secret.isBlank()) {
            err.println("reseal needs MOTCUA_SECRET (the service's own): without it nothing stored can be opened");
            return 2;
        }
        TextSealer sealer;
        try {
            DataKeys keys = DataKeys.parse(env.get("MOTCUA_DATA_KEY"),
                    new ServerSecret(new PrivacyProperties(secret, null)));
            sealer = new TextSealer(keys);
            out.println((check ? "Counting" : "Re-sealing") + " under data key '" + keys.sealingId()
                    + "' (keys that open: " + keys.ids() + ")" + (keys.derived()
                    ? "; MOTCUA_DATA_KEY is not set, so the key derived from MOTCUA_SECRET is used" : ""));
        } catch (DataKeys.InvalidDataKeyException e) {
            err.println(e.getMessage());
            return 2;
        }
        String url = env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        String prefix = env.getOrDefault("MOTCUA_REDIS_PREFIX", "motcua:");
        boolean cluster = Boolean.parseBoolean(env.getOrDefault("MOTCUA_REDIS_CLUSTER", "false"));
        long started = System.nanoTime();
        Map<RedisResealer.Count, Long> counts;
        try {
            counts = cluster ? inCluster(url, prefix, sealer, check) : onOneNode(url, prefix, sealer, check);
        } catch (RuntimeException e) {
            err.println("Redis could not be read (" + e.getClass().getSimpleName() + "); nothing more was changed."
                    + " Run reseal again when Redis answers.");
            return 1;
        }
        print(counts, check, (System.nanoTime() - started) / 1_000_000);
        return counts.get(RedisResealer.Count.UNOPENED) > 0 || counts.get(RedisResealer.Count.CHANGED_MEANWHILE) > 0
                ? 1 : 0;
    }

    private static Map<RedisResealer.Count, Long> onOneNode(String url, String prefix, TextSealer sealer,
                                                            boolean check) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return new RedisResealer(connection.sync(), new SealedValues(sealer), check).run(prefix);
        } finally {
            client.shutdown();
        }
    }

    private static Map<RedisResealer.Count, Long> inCluster(String url, String prefix, TextSealer sealer,
                                                            boolean check) {
        RedisClusterClient client = RedisClusterClient.create(url);
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            // The cluster connection's SCAN walks every master in turn.
            return new RedisResealer(connection.sync(), new SealedValues(sealer), check).run(prefix);
        } finally {
            client.shutdown();
        }
    }

    private void print(Map<RedisResealer.Count, Long> c, boolean check, long millis) {
        out.printf(Locale.ROOT, "keys scanned: %d%n", c.get(RedisResealer.Count.KEYS));
        out.printf(Locale.ROOT, "sealed values found: %d%n", c.get(RedisResealer.Count.SEALED));
        out.printf(Locale.ROOT, "%s: %d%n", check ? "to re-seal" : "re-sealed", c.get(RedisResealer.Count.RESEALED));
        out.printf(Locale.ROOT, "already under the current key: %d%n", c.get(RedisResealer.Count.CURRENT));
        out.printf(Locale.ROOT, "changed by the service meanwhile (run again): %d%n",
                c.get(RedisResealer.Count.CHANGED_MEANWHILE));
        out.printf(Locale.ROOT, "opened by no listed key (left as they are): %d%n",
                c.get(RedisResealer.Count.UNOPENED));
        out.printf(Locale.ROOT, "under an old key in stream entries (gone once handled; keep the old key until 0): %d%n",
                c.get(RedisResealer.Count.LEFT_IN_STREAMS));
        out.printf(Locale.ROOT, "under an old key in set members: %d%n", c.get(RedisResealer.Count.LEFT_IN_SETS));
        out.printf(Locale.ROOT, "took %d ms%n", millis);
    }
}
