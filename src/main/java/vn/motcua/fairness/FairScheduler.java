package vn.motcua.fairness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs work for many people so that nobody waits behind somebody else. Items with the same key (one person's
 * conversation) run one at a time, in the order submitted; different keys run in parallel up to a limit; a key whose
 * work is done goes to the back of the line, so a person with a thousand items waiting takes one slot in turn, not
 * the whole scheduler. Urgent items (a crisis) run before ordinary ones, their key first and within their key.
 *
 * <p>One person's backlog is bounded: past {@code maxBacklog} ordinary items, the oldest ordinary one is handed to
 * {@code onDropped} instead of run. Urgent items are never dropped.
 *
 * <p>Used by the inbox (turns) and the outbox (sends), which share this problem; it knows nothing about either.
 */
public final class FairScheduler<T> {

    private static final Logger log = LoggerFactory.getLogger(FairScheduler.class);

    private final int concurrency;
    private final int maxBacklog;
    private final Function<T, Mono<Void>> work;
    private final Consumer<T> onDropped;
    private final Scheduler runOn;

    private final Object guard = new Object();
    private final Map<String, KeyQueue<T>> keys = new HashMap<>();
    private final Deque<String> urgentReady = new ArrayDeque<>();
    private final Deque<String> ordinaryReady = new ArrayDeque<>();
    private int running;
    private int queued;
    private volatile boolean stopped;

    /**
     * @param concurrency how many keys may run at once
     * @param maxBacklog  ordinary items kept waiting per key before the oldest is dropped
     * @param work        what to do with an item; its errors are logged and the key moves on
     * @param onDropped   told of every ordinary item dropped because its key's backlog was full
     * @param runOn       where work starts, so that a caller (a webhook's event loop) never runs it itself
     */
    public FairScheduler(int concurrency, int maxBacklog, Function<T, Mono<Void>> work, Consumer<T> onDropped,
                         Scheduler runOn) {
        if (concurrency < 1 || maxBacklog < 1) {
            throw new IllegalArgumentException("concurrency and maxBacklog must be at least 1");
        }
        this.concurrency = concurrency;
        this.maxBacklog = maxBacklog;
        this.work = work;
        this.onDropped = onDropped;
        this.runOn = runOn;
    }

    /** Queues an item for its key; it runs after the key's earlier items (urgent ones: after earlier urgent ones). */
    public void submit(String key, T item, boolean urgent) {
        T dropped = null;
        synchronized (guard) {
            KeyQueue<T> queue = keys.computeIfAbsent(key, k -> new KeyQueue<>());
            if (urgent) {
                queue.urgent.addLast(item);
            } else {
                queue.ordinary.addLast(item);
                if (queue.ordinary.size() > maxBacklog) {
                    dropped = queue.ordinary.pollFirst();
                    queued--;
                }
            }
            queued++;
            markReady(key, queue);
        }
        if (dropped != null) {
            onDropped.accept(dropped);
        }
        dispatch();
    }

    /** Removes every item still waiting for {@code key} (not the one running), and returns how many. */
    public int discard(String key) {
        synchronized (guard) {
            KeyQueue<T> queue = keys.get(key);
            if (queue == null) {
                return 0;
            }
            int removed = queue.urgent.size() + queue.ordinary.size();
            queue.urgent.clear();
            queue.ordinary.clear();
            queued -= removed;
            if (!queue.running) {
                keys.remove(key);
            }
            return removed;
        }
    }

    /** Items waiting, not counting those running. */
    public int queued() {
        synchronized (guard) {
            return queued;
        }
    }

    /** Items running now. */
    public int running() {
        synchronized (guard) {
            return running;
        }
    }

    /** Starts nothing more until {@link #resume()}; work already running finishes, waiting items stay. */
    public void stop() {
        stopped = true;
    }

    /** Starts waiting items again after {@link #stop()} (a paused application context that is started again). */
    public void resume() {
        stopped = false;
        dispatch();
    }

    private void markReady(String key, KeyQueue<T> queue) {
        if (queue.running) {
            return;
        }
        if (!queue.urgent.isEmpty() && !queue.inUrgentReady) {
            queue.inUrgentReady = true;
            urgentReady.addLast(key);
        }
        if (!queue.ordinary.isEmpty() && !queue.inOrdinaryReady) {
            queue.inOrdinaryReady = true;
            ordinaryReady.addLast(key);
        }
    }

    private void dispatch() {
        while (!stopped) {
            String key;
            T item;
            synchronized (guard) {
                if (running >= concurrency) {
                    return;
                }
                key = nextKey();
                if (key == null) {
                    return;
                }
                KeyQueue<T> queue = keys.get(key);
                item = queue.urgent.isEmpty() ? queue.ordinary.pollFirst() : queue.urgent.pollFirst();
                queue.running = true;
                queued--;
                running++;
            }
            start(key, item);
        }
    }

    /** The next key that has work and is not running: urgent keys first, then ordinary ones in turn. */
    private String nextKey() {
        String key;
        while ((key = urgentReady.pollFirst()) != null) {
            KeyQueue<T> queue = keys.get(key);
            if (queue != null) {
                queue.inUrgentReady = false;
                if (!queue.running && !queue.urgent.isEmpty()) {
                    return key;
                }
            }
        }
        while ((key = ordinaryReady.pollFirst()) != null) {
            KeyQueue<T> queue = keys.get(key);
            if (queue != null) {
                queue.inOrdinaryReady = false;
                if (!queue.running && (!queue.ordinary.isEmpty() || !queue.urgent.isEmpty())) {
                    return key;
                }
            }
        }
        return null;
    }

    private void start(String key, T item) {
        Mono.defer(() -> work.apply(item))
                .subscribeOn(runOn)
                .onErrorResume(e -> {
                    log.error("Scheduled work failed ({}); moving on", e.getClass().getSimpleName(), e);
                    return Mono.empty();
                })
                .doFinally(signal -> finished(key))
                .subscribe();
    }

    private void finished(String key) {
        synchronized (guard) {
            running--;
            KeyQueue<T> queue = keys.get(key);
            if (queue != null) {
                queue.running = false;
                if (queue.urgent.isEmpty() && queue.ordinary.isEmpty()) {
                    keys.remove(key);
                } else {
                    // Back of the line: everyone else waiting gets a turn before this key's next item.
                    markReady(key, queue);
                }
            }
        }
        dispatch();
    }

    private static final class KeyQueue<T> {
        final Deque<T> urgent = new ArrayDeque<>();
        final Deque<T> ordinary = new ArrayDeque<>();
        boolean running;
        boolean inUrgentReady;
        boolean inOrdinaryReady;
    }
}
