package vn.motcua.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The scripted conversations of src/test/resources/nlu/conversations.txt, played turn by turn through the shipped
 * parser (NLU level: the dialogue-level suite through the web chat comes with the dialogue work of issue 10). The
 * report, with every turn that is not right, is printed and is the message of any failure.
 */
class ConversationSuiteTest {

    private static final ConversationSuite SUITE = read();
    private static final ConversationSuite.Result RESULT = SUITE.play(TestNlu.get().parser()::parse);

    static {
        System.out.println("NLU conversation suite\n" + RESULT.report());
    }

    private static ConversationSuite read() {
        try (InputStream in = ConversationSuiteTest.class.getResourceAsStream("/nlu/conversations.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return ConversationSuite.read(lines, "conversations.txt");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thereAreAtLeastFortyConversationsOfSeveralTurns() {
        assertThat(SUITE.conversations()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(RESULT.turns()).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void atLeastNineTurnsInTenAreUnderstoodRight() {
        assertThat(RESULT.turnAccuracy()).as(RESULT.report()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void noOrdinaryTurnGetsACrisisAnswerAndNoCrisisIsMissed() {
        assertThat(RESULT.falseCrises()).as(RESULT.report()).isZero();
        assertThat(RESULT.missedCrises()).as(RESULT.report()).isZero();
    }

    @Test
    void theBotRarelyAsksWhenTheMeaningIsPlain() {
        assertThat(RESULT.needlessClarifications()).as(RESULT.report()).isLessThanOrEqualTo(RESULT.turns().size() / 20);
    }

    @Test
    void followUpsAndLanguageAreRecognised() {
        assertThat(RESULT.followUpsRight()).as(RESULT.report()).isEqualTo(RESULT.followUpTurns());
        assertThat(RESULT.spuriousFollowUps()).as(RESULT.report()).isZero();
        assertThat(RESULT.languageWrong()).as(RESULT.report()).isZero();
    }

    @Test
    void aTurnIsJudgedByWhatTheBotWouldDoWithItInContext() {
        ConversationSuite suite = ConversationSuite.read(List.of(
                "== t",
                "chồng em đánh em\tdomestic_violence",
                "bao lâu\tdomestic_violence how_long",
                "ok\taffirm",
                "mua vé máy bay\tout_of_scope"), "inline");
        ConversationSuite.Result result = suite.play(TestNlu.get().parser()::parse);
        assertThat(result.turns()).extracting(ConversationSuite.Played::understood)
                .containsExactly(Intents.DOMESTIC_VIOLENCE, Intents.DOMESTIC_VIOLENCE, Intents.AFFIRM,
                        Intents.OUT_OF_SCOPE);
        // Without the topic, the same follow-up makes the bot ask.
        ConversationSuite alone = ConversationSuite.read(List.of("== t", "bao lâu\t? how_long"), "inline");
        assertThat(alone.play(TestNlu.get().parser()::parse).turnAccuracy()).isEqualTo(1.0);
    }
}
