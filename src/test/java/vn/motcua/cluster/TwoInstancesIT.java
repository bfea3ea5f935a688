package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service behind a load balancer that alternates: twenty people write ten messages
 * each, every person's next message going to the other instance as soon as the previous one was accepted. Each person
 * gets every answer once, in order, exactly what one person gets who writes the same slowly.
 */
class TwoInstancesIT {

    private static final int PEOPLE = 20;

    @Test
    void twoHundredMessagesFromTwentyPeoplePostedAlternatelyToTwoInstancesAreEachAnsweredOnceInOrder() throws Exception {
        try (Cluster cluster = Cluster.onRedis("two-instances")) {
            List<ServiceProcess> instances = cluster.start("a", "b");
            List<String> expected = Script.calibrate(cluster, instances.get(0));

            List<String> people = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                people.add(Script.newPsid());
            }
            long started = System.nanoTime();
            ExecutorService platform = Executors.newFixedThreadPool(PEOPLE);
            List<Future<List<Integer>>> posted = new ArrayList<>();
            try {
                for (int p = 0; p < PEOPLE; p++) {
                    int person = p;
                    posted.add(platform.submit(() -> {
                        List<Integer> statuses = new ArrayList<>();
                        for (int k = 0; k < Script.MESSAGES.size(); k++) {
                            ServiceProcess to = instances.get((person + k) % 2);
                            statuses.add(cluster.postMessenger(to, people.get(person), Script.newMid(),
                                    Script.MESSAGES.get(k)));
                        }
                        return statuses;
                    }));
                }
                for (Future<List<Integer>> statuses : posted) {
                    assertThat(statuses.get()).as("every delivery is accepted").containsOnly(200);
                }
            } finally {
                platform.shutdownNow();
            }
            double postSeconds = (System.nanoTime() - started) / 1e9;

            PlatformStub platforms = cluster.platforms();
            Awaitility.await("every message answered").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> people.stream().allMatch(p -> platforms.messengerTo(p).size() >= expected.size()));
            double answeredSeconds = (System.nanoTime() - started) / 1e9;
            int total = expected.size() * PEOPLE;
            // A second answer would come late, from a redelivery: wait until nothing more arrives.
            Script.awaitQuiet(() -> people.stream().mapToInt(p -> platforms.messengerTo(p).size()).sum(),
                    Duration.ofSeconds(2), Duration.ofSeconds(20));

            Map<String, List<String>> want = new LinkedHashMap<>();
            Map<String, List<String>> got = new LinkedHashMap<>();
            people.forEach(p -> {
                want.put(p, expected);
                got.put(p, platforms.messengerTextsTo(p));
            });
            Script.Tally tally = Script.Tally.of(want, got);
            cluster.report("messages=" + total + " instances=2 kills=0 " + tally + String.format(
                    " posted in %.1f s, all answered %.1f s after the first post", postSeconds, answeredSeconds));
            assertThat(tally.exactlyOnceInOrder()).as(tally.toString()).isTrue();
            assertThat(cluster.atRestFindings()).isEmpty();
        }
    }
}
