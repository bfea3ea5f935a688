package vn.motcua.console;

import java.time.Instant;
import java.util.List;

import vn.motcua.handoff.AuditEntry;
import vn.motcua.handoff.CaseView;
import vn.motcua.handoff.QueueItem;
import vn.motcua.handoff.ReplyWindow;
import vn.motcua.handoff.TranscriptLine;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.knowledge.ServiceEntry;

/** The JSON shapes of docs/api.md. */
final class ConsoleJson {

    private ConsoleJson() {
    }

    record Window(boolean open, Instant closesAt, String tag, String note) {
        static Window of(ReplyWindow w) {
            return new Window(w.open(), w.closesAt(), w.tag(), w.note());
        }
    }

    record Summary(String id, String channel, String state, String priority, long waitingSeconds, String lastIntent,
                   String assignee, boolean overdue, Window replyWindow) {
        static Summary of(QueueItem item) {
            return new Summary(item.id(), item.channel().id(), item.state().name(),
                    item.priority() == null ? null : item.priority().name(), item.waitingSeconds(), item.lastIntent(),
                    item.assignee(), item.overdue(), Window.of(item.replyWindow()));
        }
    }

    record Detail(String id, String channel, String state, String priority, long waitingSeconds, String lastIntent,
                  String assignee, boolean overdue, Window replyWindow, List<Note> notes, List<Referral> referrals,
                  SafeContact safeContact, String outcome) {
        static Detail of(CaseView view, ServiceDirectory directory) {
            Summary s = Summary.of(view.summary());
            return new Detail(s.id(), s.channel(), s.state(), s.priority(), s.waitingSeconds(), s.lastIntent(),
                    s.assignee(), s.overdue(), s.replyWindow(), view.notes().stream().map(Note::of).toList(),
                    view.referrals().stream().map(r -> Referral.of(r, directory)).toList(),
                    view.safeContact() == null ? null : SafeContact.of(view.safeContact()), view.outcome());
        }
    }

    record Message(String id, String from, String text, Instant at, String intent, String delivery, String failure,
                   String author) {
        static Message of(TranscriptLine line) {
            return new Message(line.id(), line.from().name(), line.text(), line.at(), line.intent(),
                    line.delivery() == null ? null : line.delivery().name(), line.failure(), line.author());
        }
    }

    record Note(String id, String author, String text, Instant at) {
        static Note of(CaseView.NoteView note) {
            return new Note(note.id(), note.author(), note.text(), note.at());
        }
    }

    record SafeContact(String when, boolean callAllowed, String by, Instant at) {
        static SafeContact of(CaseView.SafeContactView contact) {
            return new SafeContact(contact.when(), contact.callAllowed(), contact.by(), contact.at());
        }
    }

    record Step(String status, String by, Instant at) {
        static Step of(vn.motcua.handoff.Referral.Step step) {
            return new Step(step.status().name(), step.by(), step.at());
        }
    }

    record Referral(String id, String conversationId, String serviceId, String serviceName, String status, String note,
                    List<Step> history) {
        static Referral of(CaseView.ReferralView r, ServiceDirectory directory) {
            String name = directory.byId(r.serviceId()).map(ServiceEntry::name).orElse(null);
            return new Referral(r.id(), r.conversationId(), r.serviceId(), name, r.status().name(), r.note(),
                    r.history().stream().map(Step::of).toList());
        }
    }

    record Service(String id, String name, List<String> types, boolean confirmed) {
        static Service of(ServiceEntry entry) {
            return new Service(entry.id(), entry.name(), entry.types().stream().map(t -> t.id()).sorted().toList(),
                    entry.confirmed());
        }
    }

    record Audit(Instant at, String actor, String action, String conversationId, String detail) {
        static Audit of(AuditEntry e) {
            return new Audit(e.at(), e.actor(), e.action().name(), e.conversationId(), e.detail());
        }
    }

    record Error(String error, String message, String assignee) {
    }
}
