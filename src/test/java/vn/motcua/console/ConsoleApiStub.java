package vn.motcua.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A stand-in for the console API of docs/api.md, only to shape the page before the real backend (branch
 * console-api) lands. Not used by any test that counts; removed when the real API is merged.
 */
@RestController
@Profile("console-stub")
class ConsoleApiStub {

    final Map<String, Map<String, Object>> conversations = new ConcurrentHashMap<>();
    final Map<String, List<Map<String, Object>>> transcripts = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> referrals = new ConcurrentHashMap<>();
    final Sinks.Many<ServerSentEvent<Object>> events = Sinks.many().multicast().directBestEffort();
    final AtomicInteger ids = new AtomicInteger();

    ConsoleApiStub() {
        Instant now = Instant.now();
        add("c-messenger", "messenger", "CRITICAL", "self_harm", 412, true, null,
                window(true, now.plus(Duration.ofHours(23)), null, null));
        add("c-zalo", "zalo", "HIGH", "child_abuse", 95, false, null, window(true, now.plus(Duration.ofHours(40)), null, null));
        add("c-web", "webchat", "NORMAL", "human_agent", 30, false, null, window(true, null, null, null));
        add("c-old", "messenger", "NORMAL", "domestic_violence", 3600 * 30, true, "minh",
                window(false, null, null, "Người này chỉ nhận được tin nhắn khi họ viết lại."));
        say("c-messenger", "PERSON", "tôi không muốn sống nữa", "self_harm", null, null, null);
        say("c-messenger", "BOT", "Mình rất tiếc khi bạn đang cảm thấy như vậy. Nếu bạn đang gặp nguy hiểm, hãy gọi 115 ngay.\n"
                + "Mình đã báo cho nhân viên hỗ trợ.", null, "DELIVERED", null, null);
        say("c-messenger", "PERSON", "có ai không", "human_agent", null, null, null);
        say("c-messenger", "BOT", "Nhân viên hỗ trợ sẽ trả lời bạn sớm.", null, "FAILED", "người này đã chặn trang", null);
    }

    private static Map<String, Object> window(boolean open, Instant closesAt, String tag, String note) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("open", open);
        w.put("closesAt", closesAt == null ? null : closesAt.toString());
        w.put("tag", tag);
        w.put("note", note);
        return w;
    }

    void add(String id, String channel, String priority, String intent, long waiting, boolean overdue, String assignee,
            Map<String, Object> window) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("channel", channel);
        c.put("state", assignee == null ? "WAITING_FOR_HUMAN" : "WITH_HUMAN");
        c.put("priority", priority);
        c.put("waitingSeconds", waiting);
        c.put("lastIntent", intent);
        c.put("assignee", assignee);
        c.put("overdue", overdue);
        c.put("replyWindow", window);
        c.put("notes", new ArrayList<>());
        c.put("referrals", new ArrayList<>());
        c.put("safeContact", null);
        conversations.put(id, c);
        transcripts.put(id, new ArrayList<>());
    }

    Map<String, Object> say(String id, String from, String text, String intent, String delivery, String failure, String author) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "m" + ids.incrementAndGet());
        m.put("from", from);
        m.put("text", text);
        m.put("at", Instant.now().toString());
        m.put("intent", intent);
        m.put("delivery", delivery);
        m.put("failure", failure);
        m.put("author", author);
        transcripts.get(id).add(m);
        events.tryEmitNext(ServerSentEvent.builder((Object) Map.of("conversationId", id, "message", m)).event("message").build());
        return m;
    }

    void emitQueue(String id) {
        events.tryEmitNext(ServerSentEvent.builder((Object) summary(id)).event("queue").build());
    }

    void alert(String id, String priority, String reason) {
        events.tryEmitNext(ServerSentEvent.builder((Object) Map.of("conversationId", id, "priority", priority, "reason", reason,
                "at", Instant.now().toString())).event("alert").build());
    }

    Map<String, Object> summary(String id) {
        Map<String, Object> s = new LinkedHashMap<>(conversations.get(id));
        s.remove("notes");
        s.remove("referrals");
        s.remove("safeContact");
        return s;
    }

    @GetMapping({"/console", "/console/"})
    ResponseEntity<org.springframework.core.io.Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body(new org.springframework.core.io.ClassPathResource("static/console/index.html"));
    }

    @GetMapping("/console/login")
    ResponseEntity<org.springframework.core.io.Resource> login() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body(new org.springframework.core.io.ClassPathResource("static/console/login.html"));
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        return Map.of("name", "lan", "roles", List.of("CASEWORKER"));
    }

    @GetMapping("/api/conversations")
    List<Map<String, Object>> queue() {
        return conversations.keySet().stream().map(this::summary)
                .filter(s -> !"BOT".equals(s.get("state")) && !"CLOSED".equals(s.get("state"))).toList();
    }

    @GetMapping("/api/conversations/{id}")
    ResponseEntity<Map<String, Object>> detail(@PathVariable String id) {
        Map<String, Object> c = conversations.get(id);
        return c == null ? ResponseEntity.status(404).body(Map.of("error", "not_found")) : ResponseEntity.ok(c);
    }

    @GetMapping("/api/conversations/{id}/messages")
    List<Map<String, Object>> messages(@PathVariable String id) {
        return transcripts.getOrDefault(id, List.of());
    }

    @PostMapping("/api/conversations/{id}/claim")
    ResponseEntity<Object> claim(@PathVariable String id) {
        Map<String, Object> c = conversations.get(id);
        if (c.get("assignee") != null && !"lan".equals(c.get("assignee"))) {
            return ResponseEntity.status(409).body(Map.of("error", "claimed", "assignee", c.get("assignee"),
                    "message", c.get("assignee") + " đang hỗ trợ cuộc trò chuyện này."));
        }
        c.put("assignee", "lan");
        c.put("state", "WITH_HUMAN");
        emitQueue(id);
        return ResponseEntity.ok(summary(id));
    }

    @PostMapping("/api/conversations/{id}/messages")
    ResponseEntity<Object> reply(@PathVariable String id, @RequestBody Map<String, String> body) {
        Map<String, Object> m = say(id, "CASEWORKER", body.get("text"), null, "PENDING", null, "lan");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", m.get("id"), "delivery", "PENDING"));
    }

    @PostMapping("/api/conversations/{id}/release")
    Map<String, Object> release(@PathVariable String id) {
        conversations.get(id).put("state", "BOT");
        conversations.get(id).put("assignee", null);
        emitQueue(id);
        return summary(id);
    }

    @PostMapping("/api/conversations/{id}/close")
    Map<String, Object> close(@PathVariable String id) {
        conversations.get(id).put("state", "CLOSED");
        emitQueue(id);
        return summary(id);
    }

    @SuppressWarnings("unchecked")
    @PostMapping("/api/conversations/{id}/notes")
    ResponseEntity<Object> note(@PathVariable String id, @RequestBody Map<String, String> body) {
        Map<String, Object> note = Map.of("id", "n" + ids.incrementAndGet(), "author", "lan", "text", body.get("text"),
                "at", Instant.now().toString());
        ((List<Object>) conversations.get(id).get("notes")).add(note);
        return ResponseEntity.status(201).body(note);
    }

    @PutMapping("/api/conversations/{id}/safe-contact")
    Map<String, Object> safe(@PathVariable String id, @RequestBody Map<String, Object> body) {
        conversations.get(id).put("safeContact", body);
        return body;
    }

    @SuppressWarnings("unchecked")
    @PostMapping("/api/conversations/{id}/referrals")
    ResponseEntity<Object> refer(@PathVariable String id, @RequestBody Map<String, String> body) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", "r" + ids.incrementAndGet());
        r.put("conversationId", id);
        r.put("serviceId", body.get("serviceId"));
        r.put("serviceName", services().stream().filter(s -> s.get("id").equals(body.get("serviceId")))
                .map(s -> (String) s.get("name")).findFirst().orElse(body.get("serviceId")));
        r.put("status", "PROPOSED");
        r.put("note", body.get("note"));
        r.put("history", new ArrayList<>(List.of(Map.of("status", "PROPOSED", "by", "lan", "at", Instant.now().toString()))));
        referrals.put((String) r.get("id"), r);
        ((List<Object>) conversations.get(id).get("referrals")).add(r);
        return ResponseEntity.status(201).body(r);
    }

    @SuppressWarnings("unchecked")
    @PatchMapping("/api/referrals/{id}")
    Map<String, Object> move(@PathVariable String id, @RequestBody Map<String, String> body) {
        Map<String, Object> r = referrals.get(id);
        r.put("status", body.get("status"));
        ((List<Object>) r.get("history")).add(Map.of("status", body.get("status"), "by", "lan", "at", Instant.now().toString()));
        return r;
    }

    @GetMapping("/api/services")
    List<Map<String, Object>> services() {
        return List.of(
                Map.of("id", "hung-vuong-one-stop", "name", "Mô hình một cửa – Bệnh viện Hùng Vương", "types", List.of("health", "one_stop"),
                        "confirmed", true),
                Map.of("id", "tgpl-hcm", "name", "Trung tâm Trợ giúp pháp lý Nhà nước TP.HCM", "types", List.of("legal_aid"),
                        "confirmed", true),
                Map.of("id", "nha-tam-lanh", "name", "Nhà tạm lánh Ngôi nhà Bình yên", "types", List.of("shelter"), "confirmed", false));
    }

    @GetMapping("/api/canned-replies")
    List<Map<String, Object>> canned() {
        return List.of(
                Map.of("id", "greet", "shortcut", "/chao", "title", "Chào và giới thiệu",
                        "text", "Chào bạn, mình là nhân viên hỗ trợ của đường dây Một Cửa. Bạn có thể kể cho mình nghe chuyện gì đang xảy ra không?"),
                Map.of("id", "safe", "shortcut", "/antoan", "title", "Hỏi về an toàn",
                        "text", "Lúc này bạn có đang ở nơi an toàn không? Nếu đang gặp nguy hiểm, hãy gọi ngay 113."),
                Map.of("id", "wait", "shortcut", "/cho", "title", "Xin chờ một chút",
                        "text", "Bạn chờ mình một chút nhé, mình đang tìm thông tin cho bạn."));
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream() {
        return Flux.concat(Flux.just(ServerSentEvent.<Object>builder().comment("hello").build()), events.asFlux());
    }
}
