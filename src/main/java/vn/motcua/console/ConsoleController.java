package vn.motcua.console;

import java.security.Principal;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import vn.motcua.knowledge.CannedReplies;
import vn.motcua.knowledge.CannedReply;
import vn.motcua.knowledge.ServiceDirectory;

/** Who is signed in, the canned replies, the services a referral may point to, and the console's two pages. */
@RestController
class ConsoleController {

    record Me(String name, List<String> roles) {
    }

    private final CannedReplies canned;
    private final ServiceDirectory directory;

    ConsoleController(CannedReplies canned, ServiceDirectory directory) {
        this.canned = canned;
        this.directory = directory;
    }

    @GetMapping("/api/me")
    Me me(Principal principal) {
        Authentication auth = (Authentication) principal;
        return new Me(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList());
    }

    @GetMapping("/api/canned-replies")
    Mono<List<CannedReply>> cannedReplies() {
        return canned.all();
    }

    @GetMapping("/api/services")
    List<ConsoleJson.Service> services() {
        return directory.all().stream().map(ConsoleJson.Service::of).toList();
    }

    /** The console page (static/console/index.html, built without a front-end build step). */
    @GetMapping({"/console", "/console/"})
    ResponseEntity<Resource> console() {
        return page("static/console/index.html");
    }

    /** The sign-in page (static/console/login.html); it posts to /console/login. */
    @GetMapping("/console/login")
    ResponseEntity<Resource> login() {
        return page("static/console/login.html");
    }

    private static ResponseEntity<Resource> page(String path) {
        Resource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").body(resource);
    }
}
