package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * A whole case, as it happens, on two instances sharing Redis: a person writes what happened, a phone number and an
 * address, asks for a caseworker; the caseworker takes it over, replies, writes notes and a safe time to call, and
 * proposes a referral. Then everything in Redis under the test's prefix is read, key by key, as a stolen dump would
 * be: no text anyone wrote, no phone number, no address, no PSID, no Vietnamese at all in clear, and every key about
 * the person expires. The service's own log names none of it either.
 */
class RedisAtRestIT {

    private static final String PHONE = "0912345678";
    private static final String PHONE_SPACED = "0912 345 678";
    private static final String ADDRESS = "45 Nguyen Trai, phuong 3, quan 5";

    @Test
    void afterAWholeCaseRedisHoldsNothingReadableAboutThePersonAndEveryKeyAboutThemExpires() {
        try (Cluster cluster = Cluster.onRedis("at-rest")) {
            List<ServiceProcess> instances = cluster.start("a", "b");
            ServiceProcess a = instances.get(0);
            ServiceProcess b = instances.get(1);
            PlatformStub platforms = cluster.platforms();
            String psid = Script.newPsid();
            String id = cluster.conversationId("messenger", psid);
            cluster.typed(PHONE);
            cluster.typed(PHONE_SPACED);
            cluster.typed(ADDRESS);

            List<String> person = List.of(
                    "chồng em hay đánh em, em sợ lắm",
                    "số điện thoại của em là " + PHONE_SPACED + ", hoặc " + PHONE,
                    "nha em o " + ADDRESS,
                    "cho tôi gặp nhân viên tư vấn");
            for (int i = 0; i < person.size(); i++) {
                assertThat(cluster.postMessenger(i % 2 == 0 ? a : b, psid, Script.newMid(), person.get(i)))
                        .isEqualTo(200);
            }
            Console lan = Console.on(cluster, b);
            eventually().until(() -> lan.conversationIds().contains(id));
            lan.claim(id);
            String reply = cluster.typed("Chào em, chị là Lan. Em có đang ở nơi an toàn không?");
            lan.reply(id, reply);
            eventually().until(() -> platforms.messengerTextsTo(psid).contains(reply));
            lan.note(id, cluster.typed("Chồng kiểm tra điện thoại; chỉ nhắn tin, không gọi"));
            lan.safeContact(id, cluster.typed("sau 20 giờ, khi chồng đi làm"));
            lan.refer(id, cluster.typed("Gọi trước khi đến, hẹn ở Quận 5"));
            String later = "em an toàn rồi, cảm ơn chị";
            assertThat(cluster.postMessenger(a, psid, Script.newMid(), later)).isEqualTo(200);
            Console onA = Console.on(cluster, a);
            eventually().until(() -> onA.transcript(id).stream().anyMatch(m -> later.equals(m.path("text").asString())));

            // What the console shows is all there (so the check below looks at a store that holds the case) ...
            assertThat(onA.transcript(id)).extracting(m -> m.path("text").asString())
                    .contains(person.get(1), reply, later);
            assertThat(onA.conversation(id).path("notes").get(0).path("text").asString()).startsWith("Chồng kiểm tra");

            // ... and none of it can be read from Redis.
            List<String> findings = cluster.atRestFindings();
            assertThat(findings).as("what a Redis dump gives away").isEmpty();
            for (ServiceProcess instance : instances) {
                assertThat(instance.log()).as(instance + "'s log").doesNotContain(psid, PHONE, PHONE_SPACED, "Nguyen Trai",
                        "đánh em", "Chồng kiểm tra");
            }
        }
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }
}
