package vn.motcua.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;

/**
 * A person's conversation with the service, keyed by a pseudonymous id (never the platform id). Its state moves only
 * by the {@link Transition}s its {@link ConversationState} allows.
 *
 * @param sealedAddress     where replies go, encrypted, so a caseworker can answer later
 * @param priority          the highest priority it was escalated at since it last came back to the bot, or null
 * @param misunderstandings low-confidence turns in a row
 * @param place             the old district the person said they are in ("Gò Vấp"), so later service answers list the
 *                          nearest first; null until they name one. Coarse on purpose: never an address.
 * @param offered           the choices the bot offered last, so that typing a button's title counts as tapping it
 *                          (a Zalo query button sends its title as a message)
 * @param assignee          who has it while WITH_HUMAN: a caseworker's sign-in name, or a platform inbox
 *                          ({@link #MESSENGER_INBOX}, {@link #ZALO_INBOX}); null otherwise
 * @param waitingSince      when it started waiting for a person (kept when the priority rises); null when not waiting
 * @param lastHeardAt       when the person last wrote or tapped something: the platforms' reply windows count from it
 * @param offDutyToldAt     when the person was last told that nobody is on duty (at most once a day), or null
 */
public record Conversation(String id, Channel channel, ConversationState state, Priority priority, List<Turn> turns,
                           int misunderstandings, String sealedAddress, Instant startedAt, Instant updatedAt,
                           String place, List<QuickReplyOption> offered, String assignee, Instant waitingSince,
                           Instant lastHeardAt, Instant offDutyToldAt) {

    /** Recent turns kept with the conversation; older ones are dropped (nothing kept longer than needed). */
    public static final int MAX_TURNS = 50;
    /** The owner of a conversation someone answered from the Facebook Page's own inbox. */
    public static final String MESSENGER_INBOX = "messenger-inbox";
    /** The owner of a conversation someone answered from the Zalo OA chat. */
    public static final String ZALO_INBOX = "zalo-oa";

    public Conversation {
        turns = List.copyOf(turns);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    public static Conversation start(String id, Channel channel, String sealedAddress, Instant now) {
        return new Conversation(id, channel, ConversationState.BOT, null, List.of(), 0, sealedAddress, now, now, null,
                List.of(), null, null, null, null);
    }

    public boolean isNew() {
        return turns.isEmpty();
    }

    public Conversation withTurn(Turn turn) {
        List<Turn> next = new ArrayList<>(turns);
        next.add(turn);
        while (next.size() > MAX_TURNS) {
            next.remove(0);
        }
        Instant heard = turn.speaker() == Speaker.PERSON ? turn.at() : lastHeardAt;
        return new Conversation(id, channel, state, priority, next, misunderstandings, sealedAddress, startedAt, turn.at(),
                place, offered, assignee, waitingSince, heard, offDutyToldAt);
    }

    /**
     * Records what the platform said about one message sent to the person; unchanged when that message is no longer
     * among the kept turns.
     */
    public Conversation withDelivery(String messageId, boolean delivered, String reason) {
        List<Turn> next = new ArrayList<>(turns);
        for (int i = 0; i < next.size(); i++) {
            if (messageId.equals(next.get(i).messageId())) {
                next.set(i, next.get(i).delivered(delivered, reason));
                return new Conversation(id, channel, state, priority, next, misunderstandings, sealedAddress, startedAt,
                        updatedAt, place, offered, assignee, waitingSince, lastHeardAt, offDutyToldAt);
            }
        }
        return this;
    }

    public Conversation withMisunderstandings(int count) {
        return new Conversation(id, channel, state, priority, turns, count, sealedAddress, startedAt, updatedAt, place,
                offered, assignee, waitingSince, lastHeardAt, offDutyToldAt);
    }

    /**
     * Asks for a person at {@code to} or higher: waiting for one (since now, or since it started waiting), or, when a
     * person already has it, staying with them at the raised priority. Never lowers the priority.
     */
    public Conversation escalated(Priority to, Instant now) {
        ConversationState next = state.require(Transition.ESCALATE);
        Priority raised = priority == null ? to : priority.atLeast(to);
        Instant since = next == ConversationState.WAITING_FOR_HUMAN && waitingSince == null ? now : waitingSince;
        return moved(next, raised, assignee, since);
    }

    /** A caseworker takes it: WITH_HUMAN, owned by them; it no longer waits. */
    public Conversation claimedBy(String caseworker) {
        return moved(state.require(Transition.CLAIM), priority, caseworker, null);
    }

    /**
     * Someone answered in the platform's own inbox: a person has it now. A caseworker who holds it in the console keeps
     * it; otherwise the platform inbox ({@code owner}) does.
     */
    public Conversation takenOverBy(String owner) {
        String keeps = state == ConversationState.WITH_HUMAN && assignee != null ? assignee : owner;
        return moved(state.require(Transition.PLATFORM_TAKEOVER), priority, keeps, null);
    }

    /** Back to the bot; a later escalation starts afresh. */
    public Conversation released() {
        return moved(state.require(Transition.RELEASE), null, null, null);
    }

    /**
     * Closed by the caseworker who had it. A closed case keeps no message text and no way to reach the person: the
     * transcript, the reply address, the place and the offered choices go (the outcome and the referrals are kept
     * by handoff). If the person writes again, a new transcript starts with the address of that message.
     */
    public Conversation closed() {
        ConversationState next = state.require(Transition.CLOSE);
        return new Conversation(id, channel, next, priority, List.of(), 0, null, startedAt, updatedAt, null, List.of(),
                assignee, null, lastHeardAt, offDutyToldAt);
    }

    /** The person wrote again after it was closed: the bot answers again. */
    public Conversation reopened() {
        return moved(state.require(Transition.REOPEN), null, null, null);
    }

    public Conversation withOffDutyTold(Instant at) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealedAddress, startedAt,
                updatedAt, place, offered, assignee, waitingSince, lastHeardAt, at);
    }

    public Conversation withAddress(String sealed) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealed, startedAt, updatedAt, place,
                offered, assignee, waitingSince, lastHeardAt, offDutyToldAt);
    }

    public Conversation withPlace(String district) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealedAddress, startedAt, updatedAt,
                district, offered, assignee, waitingSince, lastHeardAt, offDutyToldAt);
    }

    public Conversation withOffered(List<QuickReplyOption> options) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealedAddress, startedAt, updatedAt,
                place, options, assignee, waitingSince, lastHeardAt, offDutyToldAt);
    }

    /** The turn with this id, if it is still kept. */
    public java.util.Optional<Turn> turn(String turnId) {
        return turns.stream().filter(t -> turnId.equals(t.messageId())).findFirst();
    }

    private Conversation moved(ConversationState next, Priority nextPriority, String owner, Instant since) {
        return new Conversation(id, channel, next, nextPriority, turns, misunderstandings, sealedAddress, startedAt,
                updatedAt, place, offered, next == ConversationState.WITH_HUMAN || next == ConversationState.CLOSED
                ? owner : null, since, lastHeardAt, offDutyToldAt);
    }
}
