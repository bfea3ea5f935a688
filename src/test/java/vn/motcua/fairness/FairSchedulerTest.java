package vn.motcua.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** Nobody waits behind somebody else's backlog; a crisis goes first; one person's order is kept. */
class FairSchedulerTest {

    /** Work that finishes only when the test says so, so "busy" is a state, not a timing. */
    private final Map<String, Sinks.Empty<Void>> gates = new ConcurrentHashMap<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();

    private FairScheduler<String> scheduler(int concurrency, int maxBacklog) {
        return new FairScheduler<>(concurrency, maxBacklog, item -> {
            started.add(item);
            return gates.computeIfAbsent(item, i -> Sinks.empty()).asMono();
        }, dropped::add, Schedulers.parallel());
    }

    private void finish(String item) {
        gates.computeIfAbsent(item, i -> Sinks.empty()).tryEmitEmpty();
    }

    @Test
    void aThousandMessagesFromOnePersonTakeOneSlotAndOthersRunAtOnce() {
        FairScheduler<String> scheduler = scheduler(4, 5000);
        for (int i = 0; i < 1000; i++) {
            scheduler.submit("flood", "flood-" + i, false);
        }
        scheduler.submit("alice", "alice-1", false);
        scheduler.submit("bob", "bob-1", false);

        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.containsAll(List.of("alice-1", "bob-1")));
        assertThat(started).filteredOn(s -> s.startsWith("flood")).containsExactly("flood-0");
        assertThat(scheduler.queued()).isEqualTo(999);
    }

    @Test
    void onePersonsItemsRunOneAtATimeInOrder() {
        FairScheduler<String> scheduler = scheduler(4, 100);
        scheduler.submit("p", "p-1", false);
        scheduler.submit("p", "p-2", false);
        scheduler.submit("p", "p-3", false);

        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("p-1"));
        assertThat(started).containsExactly("p-1");
        finish("p-1");
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("p-2"));
        assertThat(started).containsExactly("p-1", "p-2");
        finish("p-2");
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("p-3"));
        assertThat(started).containsExactly("p-1", "p-2", "p-3");
    }

    @Test
    void aCrisisRunsBeforeEverythingAlreadyWaitingAndPeopleTakeTurns() {
        FairScheduler<String> scheduler = scheduler(1, 100);
        scheduler.submit("a", "a-1", false);
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("a-1"));
        scheduler.submit("a", "a-2", false);
        scheduler.submit("b", "b-1", false);
        scheduler.submit("a", "a-3", false);
        scheduler.submit("c", "c-crisis", true);

        for (String next : List.of("a-1", "c-crisis", "a-2", "b-1")) {
            finish(next);
        }
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.size() == 5);
        // The crisis first; then b, because a just had its turn; a's own order is kept.
        assertThat(started).containsExactly("a-1", "c-crisis", "b-1", "a-2", "a-3");
    }

    @Test
    void aFullBacklogLetsTheOldestOrdinaryItemGoButNeverACrisis() {
        FairScheduler<String> scheduler = scheduler(1, 2);
        scheduler.submit("p", "p-running", false);
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("p-running"));
        scheduler.submit("p", "p-1", false);
        scheduler.submit("p", "p-crisis-1", true);
        scheduler.submit("p", "p-2", false);
        scheduler.submit("p", "p-crisis-2", true);
        scheduler.submit("p", "p-3", false);
        scheduler.submit("p", "p-crisis-3", true);

        assertThat(dropped).containsExactly("p-1");
        for (String next : List.of("p-running", "p-crisis-1", "p-crisis-2", "p-crisis-3", "p-2")) {
            finish(next);
        }
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.size() == 6);
        assertThat(started).containsExactly("p-running", "p-crisis-1", "p-crisis-2", "p-crisis-3", "p-2", "p-3");
    }

    @Test
    void workThatFailsDoesNotStopThePersonsNextItem() {
        List<String> ran = new CopyOnWriteArrayList<>();
        FairScheduler<String> scheduler = new FairScheduler<>(2, 10, item -> {
            ran.add(item);
            return item.equals("bad") ? Mono.error(new IllegalStateException("boom")) : Mono.empty();
        }, dropped::add, Schedulers.parallel());
        scheduler.submit("p", "bad", false);
        scheduler.submit("p", "good", false);

        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> ran.contains("good"));
        assertThat(ran).containsExactly("bad", "good");
    }

    @Test
    void discardDropsWhatIsWaitingForOnePersonOnly() {
        FairScheduler<String> scheduler = scheduler(1, 10);
        scheduler.submit("p", "p-1", false);
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("p-1"));
        scheduler.submit("p", "p-2", false);
        scheduler.submit("q", "q-1", false);

        assertThat(scheduler.discard("p")).isEqualTo(1);
        finish("p-1");
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> started.contains("q-1"));
        assertThat(started).containsExactly("p-1", "q-1");
    }
}
