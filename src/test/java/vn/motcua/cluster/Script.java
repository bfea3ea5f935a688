package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

/**
 * What every person in these tests writes: ten messages the bot answers with exactly one message each, none of which
 * hands the conversation to a person. The answers depend on the conversation so far, so a message handled twice, lost
 * or handled out of turn changes what the person receives: {@link #calibrate} records what one person receives when
 * the script is played slowly, one message after the other's answer, and every other person must receive exactly
 * that, in that order.
 */
final class Script {

    static final List<String> MESSAGES = List.of(
            "xin chào",
            "trợ giúp pháp lý miễn phí ở đâu",
            "tư vấn tâm lý",
            "số đường dây nóng",
            "luật phòng chống bạo lực gia đình",
            "quyen cua tre em",
            "khám sức khỏe ở đâu",
            "cảm ơn",
            "tạm biệt",
            "chào bạn");

    private Script() {
    }

    static String newPsid() {
        return "psid-" + UUID.randomUUID();
    }

    static String newMid() {
        return "m_" + UUID.randomUUID();
    }

    /** The answers one person receives to the whole script, played one message at a time. */
    static List<String> calibrate(Cluster cluster, ServiceProcess on) {
        String psid = newPsid();
        PlatformStub platforms = cluster.platforms();
        for (int i = 0; i < MESSAGES.size(); i++) {
            int answered = i;
            assertThat(cluster.postMessenger(on, psid, newMid(), MESSAGES.get(i))).isEqualTo(200);
            Awaitility.await("answer to script message " + i).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> platforms.messengerTo(psid).size() > answered);
        }
        // One answer per message, and nothing more comes: otherwise the script needs other messages.
        Awaitility.await("one answer per script message").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5)).until(() -> platforms.messengerTo(psid).size() == MESSAGES.size());
        return platforms.messengerTextsTo(psid);
    }

    /**
     * Waits until the platform has received nothing new for {@code quiet} (at most {@code atMost}): after that, a late
     * second answer (from a redelivery or a takeover) is not coming.
     */
    static void awaitQuiet(java.util.function.IntSupplier received, Duration quiet, Duration atMost) {
        int[] last = {-1};
        Awaitility.await("nothing more arrives for " + quiet.toMillis() + " ms").during(quiet).atMost(atMost)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    int now = received.getAsInt();
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
    }

    /**
     * What went wrong between what each person should have received and what the platform got: answers missing
     * (losses), answers too many (duplicates), answers present but out of order. Counted on the answers' texts;
     * since every script message gets exactly one answer, each count is a count of messages.
     */
    record Tally(int persons, int expected, int received, int losses, int duplicates, int outOfOrder,
                 List<String> affectedPersons, List<String> details) {

        static Tally of(Map<String, List<String>> expected, Map<String, List<String>> received) {
            int exp = 0;
            int rec = 0;
            int losses = 0;
            int duplicates = 0;
            int outOfOrder = 0;
            List<String> affected = new java.util.ArrayList<>();
            List<String> details = new java.util.ArrayList<>();
            for (Map.Entry<String, List<String>> person : expected.entrySet()) {
                List<String> want = person.getValue();
                List<String> got = received.getOrDefault(person.getKey(), List.of());
                exp += want.size();
                rec += got.size();
                Map<String, Integer> surplus = new HashMap<>();
                got.forEach(t -> surplus.merge(t, 1, Integer::sum));
                want.forEach(t -> surplus.merge(t, -1, Integer::sum));
                int lost = surplus.values().stream().filter(v -> v < 0).mapToInt(v -> -v).sum();
                int twice = surplus.values().stream().filter(v -> v > 0).mapToInt(v -> v).sum();
                int disordered = want.size() - lost - longestCommonSubsequence(want, got);
                losses += lost;
                duplicates += twice;
                outOfOrder += Math.max(0, disordered);
                if (lost + twice + Math.max(0, disordered) > 0) {
                    affected.add(person.getKey());
                    // Which answers, by their place in the script, so a failure says what went wrong where.
                    details.add("person " + affected.size() + ": expected answers " + places(want, want)
                            + ", received " + places(want, got));
                }
            }
            return new Tally(expected.size(), exp, rec, losses, duplicates, outOfOrder, List.copyOf(affected),
                    List.copyOf(details));
        }

        /** Each text as its place (1-based) among the expected answers, or "?" for a text the script never gives. */
        private static List<String> places(List<String> want, List<String> texts) {
            return texts.stream().map(t -> want.indexOf(t) < 0 ? "?" : Integer.toString(want.indexOf(t) + 1))
                    .toList();
        }

        boolean exactlyOnceInOrder() {
            return losses == 0 && duplicates == 0 && outOfOrder == 0;
        }

        @Override
        public String toString() {
            return "persons=" + persons + " answers expected=" + expected + " received=" + received + " losses="
                    + losses + " duplicates=" + duplicates + " out-of-order=" + outOfOrder
                    + (affectedPersons.isEmpty() ? "" : " persons affected=" + affectedPersons.size()
                    + "\n" + String.join("\n", details));
        }
    }

    static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lcs[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return lcs[a.size()][b.size()];
    }
}
