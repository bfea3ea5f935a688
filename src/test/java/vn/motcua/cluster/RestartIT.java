package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The service is stopped and started again on the same Redis (a deploy, a crash and restart): every conversation
 * continues where it was. A person a caseworker had taken over is still with her (the bot stays silent and her reply
 * reaches the person), a referral she proposed is still proposed, and Zalo replies still go out: the token pair Zalo
 * rotated on the first start is the one used after it, not the single-use refresh token from the environment, which
 * Zalo would refuse.
 */
class RestartIT {

    private static final String ASK_FOR_A_PERSON = "cho tôi gặp nhân viên tư vấn";

    @Test
    void afterARestartOnTheSameRedisEveryConversationContinuesInTheStateItHad() {
        try (Cluster cluster = Cluster.onRedis("restart").withZalo()) {
            PlatformStub platforms = cluster.platforms();
            ServiceProcess before = cluster.start("before");
            Console lan = Console.on(cluster, before);

            // Lan takes over one person's conversation; for another she proposes a referral.
            String withLan = Script.newPsid();
            String withLanId = escalate(cluster, before, lan, withLan);
            assertThat(lan.claim(withLanId).path("state").asString()).isEqualTo("WITH_HUMAN");
            String referred = Script.newPsid();
            String referredId = escalate(cluster, before, lan, referred);
            lan.claim(referredId);
            String referralId = lan.refer(referredId, cluster.typed("Gọi trước khi đến")).path("id").asString();
            // A person on Zalo is answered: the first start renewed the access token with ZALO_REFRESH_TOKEN.
            String zaloUser = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L,
                    9_000_000_000_000_000L));
            assertThat(cluster.postZalo(before, zaloUser, "z1-" + zaloUser, "xin chào")).isEqualTo(200);
            eventually().until(() -> platforms.zaloDeliveredTo(zaloUser).size() >= 1);

            before.stop();
            ServiceProcess after = cluster.start("after");
            lan = Console.on(cluster, after);

            JsonNode stillWithLan = lan.conversation(withLanId);
            assertThat(stillWithLan.path("state").asString()).isEqualTo("WITH_HUMAN");
            assertThat(stillWithLan.path("assignee").asString()).isEqualTo(Cluster.CASEWORKER);
            int botAnswers = platforms.messengerTo(withLan).size();
            String personWrites = "em vẫn đang chờ chị";
            assertThat(cluster.postMessenger(after, withLan, Script.newMid(), personWrites)).isEqualTo(200);
            Console console = lan;
            eventually().until(() -> console.transcript(withLanId).stream()
                    .anyMatch(m -> "PERSON".equals(m.path("from").asString())
                            && personWrites.equals(m.path("text").asString())));
            Awaitility.await("the bot stays silent while Lan has the conversation").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3)).until(() -> platforms.messengerTo(withLan).size() == botAnswers);
            String lanWrites = cluster.typed("Chị vẫn ở đây với em.");
            lan.reply(withLanId, lanWrites);
            eventually().until(() -> platforms.messengerTextsTo(withLan).contains(lanWrites));

            JsonNode referral = lan.conversation(referredId).path("referrals").get(0);
            assertThat(referral.path("id").asString()).isEqualTo(referralId);
            assertThat(referral.path("status").asString()).isEqualTo("PROPOSED");

            int zaloAnswers = platforms.zaloDeliveredTo(zaloUser).size();
            assertThat(cluster.postZalo(after, zaloUser, "z2-" + zaloUser, "cảm ơn")).isEqualTo(200);
            eventually().until(() -> platforms.zaloDeliveredTo(zaloUser).size() > zaloAnswers);
            assertThat(platforms.refreshesRefused()).as("refreshes with a spent refresh token").isZero();
            assertThat(platforms.zaloRefused()).as("sends with an access token Zalo did not issue").isZero();
            assertThat(after.log()).doesNotContain("ALERT: the Zalo access token cannot be renewed");

            cluster.report("instances=1, restarted once: WITH_HUMAN kept its caseworker, referral still PROPOSED, "
                    + "Zalo refreshes=" + platforms.refreshesAccepted().size() + " refused=0; ready after restart in "
                    + String.format("%.1f s", after.readyAfterSeconds()));
            assertThat(cluster.atRestFindings()).isEmpty();
        }
    }

    /** The person asks for a caseworker and appears in the console's queue; returns their conversation id. */
    private static String escalate(Cluster cluster, ServiceProcess on, Console console, String psid) {
        assertThat(cluster.postMessenger(on, psid, Script.newMid(), ASK_FOR_A_PERSON)).isEqualTo(200);
        String id = cluster.conversationId("messenger", psid);
        eventually().until(() -> console.conversationIds().contains(id));
        return id;
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }
}
