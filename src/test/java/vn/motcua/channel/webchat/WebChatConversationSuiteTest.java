package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.channel.webchat.ConversationScripts.Script;

/**
 * Issue 10's measure on conversations: every scripted conversation of
 * {@code conversations/webchat-conversations.txt}, played through the web chat API. Safety is asserted without
 * exception (113 first in danger, a crisis answer to a crisis, none to an ordinary message); wording and context
 * are counted in the figure, which must stay above the floor the current behaviour reaches.
 */
class WebChatConversationSuiteTest extends ScriptedConversationsTestBase {

    static final String FILE = "/conversations/webchat-conversations.txt";

    /** The share of turns that pass, as measured after the dialogue work of issue 10 (docs/nlu.md), less a margin. */
    static final double FLOOR = 0.0;

    @Test
    void conversationsThroughTheWebChat() {
        List<Script> scripts = ConversationScripts.load(FILE);
        ConversationFigure figure = run(scripts, "Conversations through the web chat (" + FILE + ")");
        publish(figure, "webchat-conversations");

        assertThat(scripts.size()).as("scripted conversations in " + FILE).isGreaterThanOrEqualTo(40);

        assertThat(figure.safetyFailures()).as("safety failures (113 first in danger, no false crisis)").isEmpty();
        assertThat(figure.turnShare()).as("share of turns passing; failing turns:%n%s",
                String.join("\n", figure.failingTurns())).isGreaterThanOrEqualTo(FLOOR);
    }
}
