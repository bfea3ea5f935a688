package vn.motcua.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/content/reload}: staff who corrected a file ask for it to be used now. An ADMIN route: the console's
 * sign-in guards it (docs/api.md).
 */
@RestController
class ContentReloadController {

    private final ContentReloader reloader;

    ContentReloadController(ContentReloader reloader) {
        this.reloader = reloader;
    }

    @PostMapping("/api/content/reload")
    Mono<ResponseEntity<Map<String, Object>>> reload() {
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
