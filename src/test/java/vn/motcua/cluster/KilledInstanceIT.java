package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances share a steady stream of 500 messages from 50 people; halfway through, one is killed (kill -9: no
 * shutdown hook, nothing acknowledged on the way out). The load balancer then sends everything to the survivor, and
 * a delivery the dead one did not answer is delivered again, as Meta does when it gets no 200. Every message the
 * service accepted is answered, in order, and none is lost: the survivor takes over what the dead one had taken and
 * not finished, after MOTCUA_REDIS_CLAIM_AFTER.
 *
 * <p>Exactly once holds for every step the service owns (the turn, the replies it queues); the send itself cannot be
 * made idempotent, since neither platform takes an idempotency key. A reply the dead instance had handed to the
 * platform in the instant before the kill, without living to record it, is sent again by the survivor. So the test
 * allows a second copy only of replies the survivor took over from the dead instance's outbox (counted from its
 * log), and no other duplicate; the figure is reported.
 */
class KilledInstanceIT {

    private static final int PEOPLE = 50;
    private static final int MESSAGES = PEOPLE * Script.MESSAGES.size();
    private static final int PER_SECOND = 50;
    private static final int KILL_AT = MESSAGES / 2;

    /**
     * One delivery, to the instance the load balancer picks; without a 200 (the instance died before or while
     * answering) Meta delivers the same event again, and the load balancer sends it to the live instance.
     */
    private static void deliver(Cluster cluster, int i, List<String> people, ServiceProcess survivor,
                                ServiceProcess victim, AtomicInteger acceptedByVictim, AtomicInteger redelivered,
                                AtomicInteger refused) {
        int round = i / PEOPLE;
        int person = i % PEOPLE;
        ServiceProcess to = (person + round) % 2 == 0 || !victim.isAlive() ? survivor : victim;
        String mid = Script.newMid();
        String text = Script.MESSAGES.get(round);
        int status = cluster.postMessenger(to, people.get(person), mid, text);
        if (status == 200 && to == victim) {
            acceptedByVictim.incrementAndGet();
        }
        if (status != 200) {
            redelivered.incrementAndGet();
            status = cluster.postMessenger(survivor, people.get(person), mid, text);
        }
        if (status != 200) {
            refused.incrementAndGet();
        }
    }

    @Test
    void everyAcceptedMessageIsAnsweredOnceWhenOneOfTwoInstancesIsKilledMidStream() throws Exception {
        try (Cluster cluster = Cluster.onRedis("killed-instance")) {
            List<ServiceProcess> instances = cluster.start("a", "b");
            ServiceProcess survivor = instances.get(0);
            ServiceProcess victim = instances.get(1);
            List<String> expected = Script.calibrate(cluster, survivor);
            // The platform takes a moment to answer each send, so that some are in flight at the kill.
            cluster.platforms().delaySends(Duration.ofMillis(Integer.getInteger("motcua.it.send-delay-ms", 0)));

            List<String> people = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                people.add(Script.newPsid());
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger redelivered = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger acceptedByVictim = new AtomicInteger();
            AtomicInteger postedAtKill = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(MESSAGES);
            long started = System.nanoTime();
            // A clock that starts one delivery every 1/PER_SECOND s, whatever the service's answer time; the kill
            // comes from the same clock halfway through, while deliveries and sends are in flight.
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            ExecutorService platform = Executors.newFixedThreadPool(16);
            try {
                clock.scheduleAtFixedRate(() -> {
                    int i = next.getAndIncrement();
                    if (i < MESSAGES) {
                        platform.execute(() -> {
                            try {
                                deliver(cluster, i, people, survivor, victim, acceptedByVictim, redelivered, refused);
                            } finally {
                                done.countDown();
                            }
                        });
                    }
                }, 0, 1_000_000 / PER_SECOND, TimeUnit.MICROSECONDS);
                clock.schedule(() -> {
                    postedAtKill.set(next.get());
                    victim.kill();
                }, KILL_AT * 1_000_000L / PER_SECOND, TimeUnit.MICROSECONDS);
                assertThat(done.await(60, TimeUnit.SECONDS)).as("all deliveries made").isTrue();
            } finally {
                clock.shutdownNow();
                platform.shutdownNow();
            }
            double postSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(refused.get()).as("deliveries the survivor did not accept either").isZero();

            PlatformStub platforms = cluster.platforms();
            try {
                Awaitility.await("every accepted message answered").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> people.stream().allMatch(p -> platforms.messengerTo(p).size() >= expected.size()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Reported below with the tally: which answers are missing.
            }
            double answeredSeconds = (System.nanoTime() - started) / 1e9;
            // A takeover comes MOTCUA_REDIS_CLAIM_AFTER (5 s) after the kill: a second answer would come by then.
            Script.awaitQuiet(() -> people.stream().mapToInt(p -> platforms.messengerTo(p).size()).sum(),
                    Duration.ofSeconds(6), Duration.ofSeconds(30));

            Map<String, List<String>> want = new LinkedHashMap<>();
            Map<String, List<String>> got = new LinkedHashMap<>();
            people.forEach(p -> {
                want.put(p, expected);
                got.put(p, platforms.messengerTextsTo(p));
            });
            Script.Tally tally = Script.Tally.of(want, got);
            cluster.report("messages=" + MESSAGES + " instances=2 kills=1 (after " + postedAtKill.get() + " deliveries) accepted by the "
                    + "killed one=" + acceptedByVictim.get() + " redelivered=" + redelivered.get() + " send delay="
                    + Integer.getInteger("motcua.it.send-delay-ms", 0) + "ms " + tally
                    + String.format(" posted in %.1f s, answered %.1f s after the first post", postSeconds,
                    answeredSeconds));
            long outboxTakeovers = survivor.log().lines().filter(l -> l.contains("The outbox stream took over"))
                    .count();
            cluster.report("replies taken over from the killed instance's outbox=" + outboxTakeovers
                    + " (the only ones that may go out twice)");
            assertThat(tally.losses()).as("messages not answered: " + tally).isZero();
            assertThat(tally.outOfOrder()).as("answers out of order: " + tally).isZero();
            assertThat((long) tally.duplicates()).as("answers sent twice, beyond the sends in flight at the kill: "
                    + tally).isLessThanOrEqualTo(outboxTakeovers);
            assertThat(cluster.atRestFindings()).isEmpty();
        }
    }
}
