package vn.motcua.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.motcua.content.ContentProperties;

/**
 * {@code POST /api/content/reload}: staff who corrected a file ask for it to be used now. Protected by the admin
 * token (MOTCUA_ADMIN_TOKEN) until the console's own sign-in exists; off when no token is set.
 */
@RestController
class ContentReloadController {

    private final ContentProperties properties;
    private final ContentReloader reloader;

    ContentReloadController(ContentProperties properties, ContentReloader reloader) {
        this.properties = properties;
        this.reloader = reloader;
    }

    @PostMapping("/api/content/reload")
    Mono<ResponseEntity<Map<String, Object>>> reload(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String token = properties.adminToken();
        if (token == null || token.isBlank()) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "content reload is off: set MOTCUA_ADMIN_TOKEN to turn it on")));
        }
        if (authorization == null || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a valid admin token is required")));
        }
        return Mono.fromSupplier(reloader::reload).subscribeOn(Schedulers.boundedElastic()).map(result -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("applied", result.applied());
            body.put("answerFiles", result.answerFiles());
            body.put("directoryEntries", result.directoryEntries());
            if (result.error() != null) {
                body.put("error", result.error());
            }
            return ResponseEntity.status(result.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
        });
    }
}
