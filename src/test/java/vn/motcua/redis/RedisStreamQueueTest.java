package vn.motcua.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

import reactor.core.Disposable;

/**
 * The stream engine under the Redis inbox and outbox, against another consumer played by hand: a live but slow
 * consumer is never robbed, a dead one's entries are taken over once each, and a person's later entry waits for their
 * earlier one held elsewhere.
 */
class RedisStreamQueueTest {

    private final RedisScope scope = RedisTestSupport.scope("streams");
    private final RedisStreamQueue queue = new RedisStreamQueue(scope.template(), scope.keys(), scope.properties(), "q",
            Duration.ofHours(1));
    private final List<RedisStreamQueue.Entry> received = new CopyOnWriteArrayList<>();
    private Disposable reading;

    @AfterEach
    void cleanUp() {
        if (reading != null) {
            reading.dispose();
        }
        scope.close();
    }

    @Test
    void aLiveButSlowConsumerIsNotRobbedAndADeadOnesEntriesAreTakenOverExactlyOnce() {
        List<String> ids = List.of(append("a", "1"), append("b", "2"), append("c", "3"));
        // "slow" reads all three and keeps its heartbeat: alive, just not done yet.
        readAs("slow", 10);
        alive("slow", Duration.ofMinutes(1));

        start();
        Duration claimAfter = scope.properties().claimAfter();
        Awaitility.await().during(claimAfter.multipliedBy(2)).atMost(claimAfter.multipliedBy(3))
                .until(received::isEmpty);

        // Its heartbeat goes (a kill -9: nobody deletes it, it expires; here it is removed).
        scope.template().delete(queue.aliveKey("slow")).block(Duration.ofSeconds(5));
        Awaitility.await().atMost(claimAfter.multipliedBy(4)).until(() -> received.size() == 3);
        Awaitility.await().during(claimAfter).atMost(claimAfter.multipliedBy(2)).until(() -> received.size() == 3);
        assertThat(received).extracting(RedisStreamQueue.Entry::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(received).allSatisfy(entry -> assertThat(entry.attempt()).isEqualTo(2));
    }

    @Test
    void aPersonsLaterEntryWaitsUntilTheirEarlierOneHeldByAnotherConsumerIsAcknowledged() {
        String earlier = append("person", "first");
        readAs("other", 1);
        alive("other", Duration.ofMinutes(1));
        String later = append("person", "second");
        String someoneElse = append("someone-else", "hello");

        start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
        assertThat(received).extracting(RedisStreamQueue.Entry::id).as("someone else's entry is not held up")
                .containsExactly(someoneElse);

        // The other consumer finishes the earlier entry: the later one follows.
        new RedisStreamQueue(scope.template(), scope.keys(), scope.properties(), "q", Duration.ofHours(1))
                .acknowledge(new RedisStreamQueue.Entry(earlier, "person", "", 1)).block(Duration.ofSeconds(5));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1).id()).isEqualTo(later);
        assertThat(received.get(1).payload()).isEqualTo("second");
    }

    private void start() {
        reading = queue.entries().subscribe(received::add);
    }

    private String append(String line, String payload) {
        return queue.append(line, payload).block(Duration.ofSeconds(5));
    }

    /** Another consumer reads, as its worker would, and holds what it read. */
    private void readAs(String consumer, int count) {
        scope.template().opsForStream().createGroup(queue.stream(), ReadOffset.from("0"), RedisStreamQueue.GROUP)
                .onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(Duration.ofSeconds(5));
        scope.template().opsForStream().read(Consumer.from(RedisStreamQueue.GROUP, consumer),
                        StreamReadOptions.empty().count(count), StreamOffset.create(queue.stream(), ReadOffset.lastConsumed()))
                .collectList().block(Duration.ofSeconds(5));
    }

    private void alive(String consumer, Duration ttl) {
        scope.template().opsForValue().set(queue.aliveKey(consumer), "1", ttl).block(Duration.ofSeconds(5));
    }
}
