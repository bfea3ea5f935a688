package vn.motcua.channel.webchat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import vn.motcua.conversation.Conversation;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.conversation.Speaker;
import vn.motcua.conversation.Turn;
import vn.motcua.message.Priority;
import vn.motcua.privacy.PseudonymousIds;

/**
 * Plays a scripted conversation through the web chat API, one session for the whole conversation, as the page does:
 * open a session, listen to its stream, post each message, read the answers. A turn's answers are the messages the
 * bot recorded for it (the transcript says how many), read from the stream; when the turn erased the conversation,
 * they are what the stream carried until it closed.
 */
final class ConversationPlayer {

    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(20);

    /** One message the person sees. */
    record Message(String from, String text, List<Button> buttons) {
    }

    record Button(String title, String payload) {
    }

    /**
     * What happened in one turn.
     *
     * @param messages       what the bot sent, in order
     * @param answerIntents  the intent each message answered, from the transcript (empty when the turn erased it)
     * @param priorityBefore the conversation's escalation priority before the turn (null: never escalated)
     * @param priorityAfter  and after it
     * @param sessionEnded   the session is gone and its stream closed
     * @param trouble        why the turn could not be played (no answer in time, button not offered…), or null
     */
    record Played(ConversationScripts.Turn turn, List<Message> messages, List<String> answerIntents,
                  Priority priorityBefore, Priority priorityAfter, boolean sessionEnded, String trouble) {

        String text() {
            return String.join("\n", messages.stream().map(Message::text).toList());
        }
    }

    private final WebChatApi api;
    private final ConversationStore conversations;
    private final PseudonymousIds ids;
    private final WebChatSessionStore sessions;

    ConversationPlayer(WebChatApi api, ConversationStore conversations, PseudonymousIds ids,
                       WebChatSessionStore sessions) {
        this.api = api;
        this.conversations = conversations;
        this.ids = ids;
        this.sessions = sessions;
    }

    List<Played> play(ConversationScripts.Script script) {
        String session = api.openSession();
        String conversationId = ids.conversationId("webchat", session);
        LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        AtomicBoolean streamEnded = new AtomicBoolean();
        Disposable listening = api.stream(session).subscribe(
                event -> inbox.add(message(event)),
                error -> streamEnded.set(true),
                () -> streamEnded.set(true));
        List<Played> played = new ArrayList<>();
        try {
            Instant lastPersonTurn = Instant.EPOCH;
            Priority priority = null;
            List<Message> previous = List.of();
            for (ConversationScripts.Turn turn : script.turns()) {
                if (streamEnded.get() || !played.isEmpty() && played.get(played.size() - 1).trouble() != null) {
                    played.add(new Played(turn, List.of(), List.of(), priority, priority, streamEnded.get(),
                            "not played: the conversation had already ended"));
                    continue;
                }
                Played one = playTurn(session, conversationId, turn, previous, lastPersonTurn, priority, inbox,
                        streamEnded);
                played.add(one);
                priority = one.priorityAfter();
                previous = one.messages();
                lastPersonTurn = latestPersonTurn(conversationId).orElse(lastPersonTurn);
            }
        } finally {
            listening.dispose();
        }
        return played;
    }

    private Played playTurn(String session, String conversationId, ConversationScripts.Turn turn,
                            List<Message> previous, Instant lastPersonTurn, Priority priority,
                            LinkedBlockingQueue<Message> inbox, AtomicBoolean streamEnded) {
        int status;
        if (turn.tap()) {
            Optional<Button> button = previous.stream().flatMap(m -> m.buttons().stream())
                    .filter(b -> AnswerFacts.folded(b.title()).equals(AnswerFacts.folded(turn.text()))).findFirst();
            if (button.isEmpty()) {
                return new Played(turn, List.of(), List.of(), priority, priority, false,
                        "no button \"" + turn.text() + "\" under the last answer");
            }
            status = api.tap(session, button.get().payload(), button.get().title()).returnResult(Void.class)
                    .getStatus().value();
        } else {
            status = api.send(session, turn.text()).returnResult(Void.class).getStatus().value();
        }
        if (status != 202) {
            return new Played(turn, List.of(), List.of(), priority, priority, streamEnded.get(),
                    "the message was refused with HTTP " + status);
        }
        try {
            Awaitility.await().atMost(TURN_TIMEOUT).pollInterval(Duration.ofMillis(10))
                    .until(() -> streamEnded.get() || newPersonTurn(conversationId, lastPersonTurn).isPresent());
        } catch (ConditionTimeoutException e) {
            return new Played(turn, drain(inbox), List.of(), priority, priority, false,
                    "no turn recorded within " + TURN_TIMEOUT.toSeconds() + " s");
        }
        Optional<Conversation> now = newPersonTurn(conversationId, lastPersonTurn);
        if (now.isEmpty()) {
            // The stream closed: the turn ended the session. Its answers are what arrived before that.
            return new Played(turn, drain(inbox), List.of(), priority, priority, ended(session, conversationId), null);
        }
        Conversation conversation = now.get();
        List<String> intents = botTurnsAfterLastPerson(conversation).stream().map(Turn::intent).toList();
        try {
            Awaitility.await().atMost(TURN_TIMEOUT).pollInterval(Duration.ofMillis(10))
                    .until(() -> inbox.size() >= intents.size() || streamEnded.get());
        } catch (ConditionTimeoutException e) {
            return new Played(turn, drain(inbox), intents, priority, conversation.priority(), false,
                    "only " + inbox.size() + " of " + intents.size() + " answers arrived on the stream");
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < intents.size() && !inbox.isEmpty(); i++) {
            messages.add(inbox.poll());
        }
        boolean ended = streamEnded.get() && ended(session, conversationId);
        return new Played(turn, messages, intents, priority, conversation.priority(), ended, null);
    }

    /** The session is gone, its stream closed, and nothing of the conversation is stored. */
    private boolean ended(String session, String conversationId) {
        return !Boolean.TRUE.equals(sessions.touch(session).block())
                && conversations.find(conversationId).blockOptional().isEmpty();
    }

    private Optional<Conversation> newPersonTurn(String conversationId, Instant after) {
        return conversations.find(conversationId).blockOptional()
                .filter(c -> c.turns().stream().anyMatch(t -> t.speaker() == Speaker.PERSON && t.at().isAfter(after)));
    }

    private Optional<Instant> latestPersonTurn(String conversationId) {
        return conversations.find(conversationId).blockOptional().flatMap(c -> c.turns().stream()
                .filter(t -> t.speaker() == Speaker.PERSON).map(Turn::at).max(Instant::compareTo));
    }

    private static List<Turn> botTurnsAfterLastPerson(Conversation conversation) {
        List<Turn> turns = conversation.turns();
        int last = -1;
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).speaker() == Speaker.PERSON) {
                last = i;
            }
        }
        return turns.subList(last + 1, turns.size()).stream().filter(t -> t.speaker() == Speaker.BOT).toList();
    }

    private static List<Message> drain(LinkedBlockingQueue<Message> inbox) {
        List<Message> all = new ArrayList<>();
        inbox.drainTo(all);
        return all;
    }

    private static Message message(JsonNode event) {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode button : event.path("quickReplies")) {
            buttons.add(new Button(button.path("title").asString(), button.path("payload").asString()));
        }
        return new Message(event.path("from").asString(), event.path("text").asString(), List.copyOf(buttons));
    }
}
