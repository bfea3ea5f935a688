package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator's endpoints with the default settings (only the ports are random in a test): metrics, Prometheus and
 * health details sit on the management port, bound to 127.0.0.1; the public port answers only the two probes a
 * load balancer or Kubernetes needs, with nothing but a status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.secret=test-secret", "motcua.console.users=ops:{noop}ops-password:ADMIN"})
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void thePublicPortAnswersOnlyTheProbesAndTheManagementPortOnlyOnLoopback() {
        assertThat(managementPort).as("a management port of its own").isNotEqualTo(port);
        WebTestClient anonymous = ApiClient.anonymous(port);
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            anonymous.get().uri(probe).exchange().expectStatus().isOk()
                    .expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
        }
        // Nothing else of the actuator is there, not even for an ADMIN.
        for (String operator : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/info", "/actuator")) {
            anonymous.get().uri(operator).headers(h -> h.setBasicAuth("ops", "ops-password"))
                    .exchange().expectStatus().isNotFound();
        }

        WebTestClient management = ApiClient.anonymous(managementPort);
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("ops", "ops-password"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();

        // Bound to 127.0.0.1: another address of this machine reaches the public port but not the management port.
        InetAddress other = nonLoopbackAddress().orElse(null);
        assumeTrue(other != null, "this machine has no address other than loopback");
        try (Socket reached = new Socket()) {
            reached.connect(new InetSocketAddress(other, port), 2000);
        } catch (IOException e) {
            throw new AssertionError("the public port should be reachable on " + other, e);
        }
        assertThatThrownBy(() -> {
            try (Socket refused = new Socket()) {
                refused.connect(new InetSocketAddress(other, managementPort), 2000);
            }
        }).as("the management port on a non-loopback address").isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
