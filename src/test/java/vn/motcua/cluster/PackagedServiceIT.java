package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as an operator starts it (java -jar, settings in the environment, the memory store):
 * a person writing on Messenger gets the bot's greeting, once, and the service's output names neither the person
 * nor what they wrote. This also keeps the process harness of the multi-instance tests honest.
 */
class PackagedServiceIT {

    @Test
    void theJarAnswersASignedMessengerMessageOnceAndLogsNothingAboutThePerson() {
        try (Cluster cluster = Cluster.inMemory("packaged")) {
            ServiceProcess service = cluster.start("a");
            String psid = Script.newPsid();

            assertThat(cluster.postMessenger(service, psid, Script.newMid(), "xin chào")).isEqualTo(200);

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !cluster.platforms().messengerTo(psid).isEmpty());
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> cluster.platforms().messengerTo(psid).size() == 1);
            assertThat(cluster.platforms().messengerTextsTo(psid).get(0)).contains("trợ lý tự động", "113");
            assertThat(service.log()).contains("Started MotcuaApplication").doesNotContain(psid, "xin chào");
            cluster.report("memory store, 1 instance, ready in " + String.format("%.1f", service.readyAfterSeconds())
                    + " s");
        }
    }
}
