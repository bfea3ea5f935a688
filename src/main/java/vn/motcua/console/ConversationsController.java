package vn.motcua.console;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import vn.motcua.conversation.ConversationState;
import vn.motcua.handoff.CaseworkerDesk;
import vn.motcua.handoff.HandoffRefusal;
import vn.motcua.handoff.ReferralStatus;
import vn.motcua.knowledge.ServiceDirectory;

/** The caseworkers' REST API (docs/api.md): the queue, transcripts, claim, replies, notes, referrals, release, close. */
@RestController
class ConversationsController {

    record TextRequest(String text) {
    }

    record SafeContactRequest(String when, Boolean callAllowed) {
    }

    record ReferralRequest(String serviceId, String note) {
    }

    record ReferralUpdate(String status, String note) {
    }

    record CloseRequest(String outcome, List<String> referrals) {
    }

    record Sent(String id, String delivery) {
    }

    private final CaseworkerDesk desk;
    private final ServiceDirectory directory;

    ConversationsController(CaseworkerDesk desk, ServiceDirectory directory) {
        this.desk = desk;
        this.directory = directory;
    }

    @GetMapping("/api/conversations")
    Mono<List<ConsoleJson.Summary>> list(@RequestParam(name = "state", required = false) String state) {
        return Mono.fromCallable(() -> states(state))
                .flatMap(desk::list)
                .map(items -> items.stream().map(ConsoleJson.Summary::of).toList());
    }

    @GetMapping("/api/conversations/{id}")
    Mono<ConsoleJson.Detail> one(@PathVariable String id) {
        return desk.view(id).map(view -> ConsoleJson.Detail.of(view, directory));
    }

    @GetMapping("/api/conversations/{id}/messages")
    Mono<List<ConsoleJson.Message>> messages(@PathVariable String id, Principal who) {
        return desk.transcript(id, who.getName()).map(lines -> lines.stream().map(ConsoleJson.Message::of).toList());
    }

    @PostMapping("/api/conversations/{id}/messages")
    Mono<ResponseEntity<Sent>> reply(@PathVariable String id, @RequestBody(required = false) TextRequest request,
                                     Principal who) {
        return desk.reply(id, who.getName(), request == null ? null : request.text())
                .map(line -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new Sent(line.id(), line.delivery() == null ? null : line.delivery().name())));
    }

    @PostMapping("/api/conversations/{id}/claim")
    Mono<ConsoleJson.Summary> claim(@PathVariable String id, Principal who) {
        return desk.claim(id, who.getName()).map(ConsoleJson.Summary::of);
    }

    @PostMapping("/api/conversations/{id}/release")
    Mono<ConsoleJson.Summary> release(@PathVariable String id, Principal who) {
        return desk.release(id, who.getName()).map(ConsoleJson.Summary::of);
    }

    @PostMapping("/api/conversations/{id}/close")
    Mono<ConsoleJson.Summary> close(@PathVariable String id, @RequestBody(required = false) CloseRequest request,
                                    Principal who) {
        return desk.close(id, who.getName(), request == null ? null : request.outcome(),
                request == null ? List.of() : request.referrals()).map(ConsoleJson.Summary::of);
    }

    /** Erases everything about the person (the same erasure as their own "xóa"); 204, or 404 when already gone. */
    @PostMapping("/api/conversations/{id}/erase")
    Mono<ResponseEntity<Void>> erase(@PathVariable String id, Principal who) {
        return desk.erase(id, who.getName()).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/conversations/{id}/notes")
    Mono<ResponseEntity<ConsoleJson.Note>> note(@PathVariable String id,
                                                @RequestBody(required = false) TextRequest request, Principal who) {
        return desk.note(id, who.getName(), request == null ? null : request.text())
                .map(note -> ResponseEntity.status(HttpStatus.CREATED).body(ConsoleJson.Note.of(note)));
    }

    @PutMapping("/api/conversations/{id}/safe-contact")
    Mono<ConsoleJson.SafeContact> safeContact(@PathVariable String id,
                                              @RequestBody(required = false) SafeContactRequest request,
                                              Principal who) {
        String when = request == null ? null : request.when();
        boolean call = request != null && Boolean.TRUE.equals(request.callAllowed());
        return desk.safeContact(id, who.getName(), when, call).map(ConsoleJson.SafeContact::of);
    }

    @PostMapping("/api/conversations/{id}/referrals")
    Mono<ResponseEntity<ConsoleJson.Referral>> refer(@PathVariable String id,
                                                     @RequestBody(required = false) ReferralRequest request,
                                                     Principal who) {
        String serviceId = request == null ? null : request.serviceId();
        if (serviceId == null || directory.byId(serviceId).isEmpty()) {
            return Mono.error(new HandoffRefusal(HandoffRefusal.Kind.INVALID,
                    "Không có nơi hỗ trợ này trong danh bạ (directory-data/)."));
        }
        return desk.refer(id, who.getName(), serviceId, request.note())
                .map(r -> ResponseEntity.status(HttpStatus.CREATED).body(ConsoleJson.Referral.of(r, directory)));
    }

    @PatchMapping("/api/referrals/{id}")
    Mono<ConsoleJson.Referral> updateReferral(@PathVariable String id,
                                              @RequestBody(required = false) ReferralUpdate request, Principal who) {
        ReferralStatus status = request == null ? null : status(request.status());
        return desk.updateReferral(id, who.getName(), status, request == null ? null : request.note())
                .map(r -> ConsoleJson.Referral.of(r, directory));
    }

    @GetMapping("/api/audit")
    Mono<List<ConsoleJson.Audit>> audit(@RequestParam("conversationId") String conversationId) {
        return desk.audit(conversationId).map(entries -> entries.stream().map(ConsoleJson.Audit::of).toList());
    }

    private static Set<ConversationState> states(String param) {
        if (param == null || param.isBlank()) {
            return Set.of();
        }
        Set<ConversationState> states = EnumSet.noneOf(ConversationState.class);
        for (String name : param.split(",")) {
            try {
                states.add(ConversationState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new HandoffRefusal(HandoffRefusal.Kind.INVALID, "Trạng thái không hợp lệ: " + name.strip()
                        + " (" + Arrays.toString(ConversationState.values()) + ").");
            }
        }
        return states;
    }

    private static ReferralStatus status(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
