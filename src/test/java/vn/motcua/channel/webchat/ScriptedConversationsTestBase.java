package vn.motcua.channel.webchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.channel.webchat.ConversationPlayer.Message;
import vn.motcua.channel.webchat.ConversationPlayer.Played;
import vn.motcua.channel.webchat.ConversationScripts.Script;
import vn.motcua.channel.webchat.TurnJudge.Verdict;
import vn.motcua.conversation.ConversationStore;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.privacy.PseudonymousIds;

/**
 * Plays scripted conversation files through the web chat API, one session per conversation, and judges every turn.
 * The rate limit is the one a real person typing a long conversation needs (the same context as
 * {@link WebChatScriptedConversationTest}).
 */
@TestPropertySource(properties = "motcua.webchat.rate-limit=20")
abstract class ScriptedConversationsTestBase extends WebChatIntegrationTest {

    @Autowired
    AnswerBook answers;

    @Autowired
    ConversationStore conversations;

    @Autowired
    PseudonymousIds ids;

    @Autowired
    WebChatSessionStore sessions;

    ConversationFigure run(List<Script> scripts, String name) {
        ConversationPlayer player = new ConversationPlayer(api, conversations, ids, sessions);
        TurnJudge judge = TurnJudge.of(answers);
        ConversationFigure figure = new ConversationFigure(name);
        for (Script script : scripts) {
            List<Verdict> verdicts = new ArrayList<>();
            List<Message> previous = List.of();
            for (Played played : player.play(script)) {
                verdicts.add(judge.judge(played, previous));
                previous = played.messages();
            }
            figure.add(script, verdicts);
        }
        return figure;
    }

    /**
     * Prints the figure, and keeps it in target/{name}-figure.txt with every turn's answers beside it in
     * target/{name}-transcript.txt: what someone extending the file reads to see what the bot said.
     */
    static void publish(ConversationFigure figure, String name) {
        String report = figure.report();
        System.out.println(report);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve(name + "-figure.txt"), report, StandardCharsets.UTF_8);
            Files.writeString(target.resolve(name + "-transcript.txt"), figure.transcript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
