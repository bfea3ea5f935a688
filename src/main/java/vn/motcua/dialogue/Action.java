package vn.motcua.dialogue;

import vn.motcua.message.Priority;
import vn.motcua.knowledge.Answer;

/** What the bot does in a turn, carried out in order by the conversation's turn handler. */
public sealed interface Action {

    /**
     * Send an answer to the person. {@code intent} (the file it is in, or {@code system}) and {@code variant} say which
     * answer it was, for the record.
     */
    record Reply(String intent, String variant, Answer answer) implements Action {

        /** An intent's own answer. */
        public Reply(String intent, Answer answer) {
            this(intent, AnswerName.DEFAULT, answer);
        }

        /** How the transcript names it: the intent for its own answer, else {@code intent/variant}. */
        public String label() {
            return new AnswerKey(intent, variant).label();
        }
    }

    /** Ask for a caseworker (never lowers a priority already set). {@code reason} is an intent id. */
    record Escalate(Priority priority, String reason) implements Action {
    }

    /** Remember that the person was told nobody is on duty, so it is said at most once a day. */
    record OffDutyTold() implements Action {
    }

    /** Record an opt-in to awareness messages; {@code sendToken} is the platform's permission, if any. */
    record Subscribe(String sendToken) implements Action {
    }

    /** Remove the opt-in at once. */
    record Unsubscribe() implements Action {
    }

    /** Erase everything stored about this conversation (DESIGN §6.4). */
    record Erase() implements Action {
    }
}
