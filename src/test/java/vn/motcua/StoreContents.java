package vn.motcua;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * Everything the service's stores hold, as text, whichever store {@code motcua.store} selects: on {@code memory},
 * every string reachable from every memory adapter (the beans switched on by {@code motcua.store=memory}), walked by
 * reflection; on {@code redis}, every key under the prefix and every value it holds (SCAN, then by type). A test then
 * checks that nothing it must not find is among them.
 */
public final class StoreContents {

    /** One stored text and where it was found (a store class, or a Redis key's type). */
    public record Stored(String where, String text) {
    }

    private StoreContents() {
    }

    public static List<Stored> of(ApplicationContext context) {
        String store = context.getEnvironment().getProperty("motcua.store", "memory");
        return "redis".equalsIgnoreCase(store) ? redis(context) : memory(context);
    }

    /** The memory adapters by class name, e.g. for excluding one from a check. */
    public static List<Stored> memory(ApplicationContext context) {
        List<Stored> found = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !isMemoryAdapter(type)) {
                continue;
            }
            Object bean = context.getBean(name);
            Object target = AopUtils.isAopProxy(bean) ? org.springframework.aop.framework.AopProxyUtils
                    .getSingletonTarget(bean) : bean;
            List<String> texts = new ArrayList<>();
            walk(target, new IdentityHashMap<>(), texts, 0);
            texts.forEach(t -> found.add(new Stored(type.getSimpleName(), t)));
        }
        return found;
    }

    static boolean isMemoryAdapter(Class<?> type) {
        ConditionalOnProperty on = type.getAnnotation(ConditionalOnProperty.class);
        return on != null && "memory".equals(on.havingValue())
                && List.of(on.name().length > 0 ? on.name() : on.value()).contains("motcua.store");
    }

    private static void walk(Object o, Map<Object, Boolean> seen, List<String> out, int depth) {
        if (o == null || depth > 40) {
            return;
        }
        if (o instanceof CharSequence s) {
            out.add(s.toString());
            return;
        }
        if (o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum<?>
                || o instanceof java.time.temporal.Temporal || o instanceof Duration || o instanceof Class<?>) {
            return;
        }
        if (seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof byte[] bytes) {
            out.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (o instanceof char[] chars) {
            out.add(new String(chars));
        } else if (o instanceof Object[] array) {
            for (Object element : array) {
                walk(element, seen, out, depth + 1);
            }
        } else if (o instanceof Cache<?, ?> cache) {
            walk(cache.asMap(), seen, out, depth + 1);
        } else if (o instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            for (Map.Entry<?, ?> entry : entries) {
                walk(entry.getKey(), seen, out, depth + 1);
                walk(entry.getValue(), seen, out, depth + 1);
            }
        } else if (o instanceof Collection<?> collection) {
            for (Object element : new ArrayList<>(collection)) {
                walk(element, seen, out, depth + 1);
            }
        } else if (o instanceof Optional<?> optional) {
            walk(optional.orElse(null), seen, out, depth + 1);
        } else if (o instanceof AtomicReference<?> reference) {
            walk(reference.get(), seen, out, depth + 1);
        } else if (o.getClass().getName().startsWith("vn.motcua.")) {
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        walk(field.get(o), seen, out, depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // A field of a library type that cannot be opened holds no stored data of ours.
                    }
                }
            }
        }
        // Anything else (meters, clocks, schedulers, sinks, keys) is machinery, not stored data.
    }

    /** Every key under the prefix and what it holds. */
    @SuppressWarnings("unchecked")
    public static List<Stored> redis(ApplicationContext context) {
        ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
        String prefix = context.getEnvironment().getProperty("motcua.redis.prefix", "motcua:");
        Duration wait = Duration.ofSeconds(30);
        List<Stored> found = new ArrayList<>();
        List<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())
                .collectList().block(wait);
        for (String key : keys) {
            // Where a hit was found, named by the key's pattern (its ids masked), so a failure says which store.
            String kind = key.substring(prefix.length()).replaceAll("\\{conv:[^}]*}", "{conv:…}")
                    .replaceAll(":[0-9a-f-]{16,}", ":…");
            found.add(new Stored("key " + kind, key));
            String type = redis.type(key).block(wait).code();
            switch (type) {
                case "string" -> Optional.ofNullable(redis.opsForValue().get(key).block(wait))
                        .ifPresent(v -> found.add(new Stored("string" + " at " + kind, v)));
                case "hash" -> redis.opsForHash().entries(key).collectList().block(wait).forEach(e -> {
                    found.add(new Stored("hash field" + " at " + kind, String.valueOf(e.getKey())));
                    found.add(new Stored("hash value" + " at " + kind, String.valueOf(e.getValue())));
                });
                case "list" -> redis.opsForList().range(key, 0, -1).collectList().block(wait)
                        .forEach(v -> found.add(new Stored("list" + " at " + kind, v)));
                case "set" -> redis.opsForSet().members(key).collectList().block(wait)
                        .forEach(v -> found.add(new Stored("set" + " at " + kind, v)));
                case "zset" -> redis.opsForZSet().range(key, Range.closed(0L, -1L)).collectList().block(wait)
                        .forEach(v -> found.add(new Stored("zset" + " at " + kind, v)));
                case "stream" -> redis.opsForStream().range(key, Range.unbounded()).collectList().block(wait)
                        .forEach(r -> r.getValue().forEach((f, v) -> {
                            found.add(new Stored("stream field" + " at " + kind, String.valueOf(f)));
                            found.add(new Stored("stream value" + " at " + kind, String.valueOf(v)));
                        }));
                default -> {
                }
            }
        }
        return found;
    }

    /** The stored texts that contain any of {@code forbidden}, as "where: forbidden" lines. */
    public static List<String> containing(List<Stored> stored, Set<String> forbidden) {
        List<String> hits = new ArrayList<>();
        for (Stored s : stored) {
            for (String f : forbidden) {
                if (s.text().contains(f)) {
                    hits.add(s.where() + " holds \"" + f + "\"");
                }
            }
        }
        return hits;
    }
}
