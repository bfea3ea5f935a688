package vn.motcua;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The two health probes on the public port, where a load balancer or Kubernetes (which cannot reach the management
 * port on 127.0.0.1) looks for them: {@code /actuator/health/liveness} and {@code /actuator/health/readiness}, the
 * same groups as on the management port, answered with the status only ({@code {"status":"UP"}}, 200; otherwise
 * 503), never components or details. Everything else of the actuator is on the management port only.
 */
@RestController
class PublicProbes {

    private final ObjectProvider<HealthEndpoint> health;

    PublicProbes(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @GetMapping("/actuator/health/liveness")
    Mono<ResponseEntity<Map<String, String>>> liveness() {
        return probe("liveness");
    }

    @GetMapping("/actuator/health/readiness")
    Mono<ResponseEntity<Map<String, String>>> readiness() {
        return probe("readiness");
    }

    private Mono<ResponseEntity<Map<String, String>>> probe(String group) {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        // Off the event loop: a health contributor may block.
        return Mono.fromCallable(() -> {
            var descriptor = endpoint.healthForPath(group);
            Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
            HttpStatus code = Status.UP.equals(status) || Status.UNKNOWN.equals(status) ? HttpStatus.OK
                    : HttpStatus.SERVICE_UNAVAILABLE;
            return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
