package vn.motcua.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.message.Channel;
import vn.motcua.message.Priority;
import vn.motcua.message.QuickReplyOption;

/**
 * A person's conversation with the service, keyed by a pseudonymous id (never the platform id).
 *
 * @param sealedAddress     where replies go, encrypted, so a caseworker can answer later
 * @param priority          the highest priority it was escalated at, or null if never
 * @param misunderstandings low-confidence turns in a row
 * @param place             the old district the person said they are in ("Gò Vấp"), so later service answers list the
 *                          nearest first; null until they name one. Coarse on purpose: never an address.
 * @param offered           the choices the bot offered last, so that typing a button's title counts as tapping it
 *                          (a Zalo query button sends its title as a message)
 */
public record Conversation(String id, Channel channel, ConversationState state, Priority priority, List<Turn> turns,
                           int misunderstandings, String sealedAddress, Instant startedAt, Instant updatedAt,
                           String place, List<QuickReplyOption> offered) {

    /** Recent turns kept with the conversation; older ones are dropped (nothing kept longer than needed). */
    public static final int MAX_TURNS = 50;

    public Conversation {
        turns = List.copyOf(turns);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    public static Conversation start(String id, Channel channel, String sealedAddress, Instant now) {
        return new Conversation(id, channel, ConversationState.BOT, null, List.of(), 0, sealedAddress, now, now, null,
                List.of());
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
        return new Conversation(id, channel, state, priority, next, misunderstandings, sealedAddress, startedAt, turn.at(),
                place, offered);
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
                        updatedAt, place, offered);
            }
        }
        return this;
    }

    public Conversation withMisunderstandings(int count) {
        return new Conversation(id, channel, state, priority, turns, count, sealedAddress, startedAt, updatedAt, place,
                offered);
    }

    public Conversation escalated(Priority to) {
        ConversationState next = state == ConversationState.WITH_HUMAN ? state : ConversationState.WAITING_FOR_HUMAN;
        Priority raised = priority == null ? to : priority.atLeast(to);
        return new Conversation(id, channel, next, raised, turns, misunderstandings, sealedAddress, startedAt, updatedAt, place,
                offered);
    }

    public Conversation withAddress(String sealed) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealed, startedAt, updatedAt, place,
                offered);
    }

    public Conversation withPlace(String district) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealedAddress, startedAt, updatedAt,
                district, offered);
    }

    public Conversation withOffered(List<QuickReplyOption> options) {
        return new Conversation(id, channel, state, priority, turns, misunderstandings, sealedAddress, startedAt, updatedAt,
                place, options);
    }
}
