package vn.motcua.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.nlu.TestNlu;

class NluCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        NluCommand command = new NluCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                TestNlu::get);
        return command.run(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void classifyWritesOneIntentAndConfidencePerLineInOrder() {
        int code = run("cứu tôi với\ncam on nhieu nha\n\nxin chào\nem muốn xóa hết tin nhắn\n", "nlu", "classify");

        assertThat(code).isZero();
        List<String> lines = outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("emergency\t1.0000\t");
        assertThat(lines.get(1)).startsWith("thanks_goodbye\t");
        assertThat(lines.get(3)).startsWith("greeting\t");
        assertThat(lines.get(4)).startsWith("delete_data\t");
        for (String line : lines) {
            String[] columns = line.split("\t");
            assertThat(Double.parseDouble(columns[1])).isBetween(0.0, 1.0);
        }
    }

    @Test
    void classifyCarriesTheLocationInALaterColumn() {
        run("nhà tạm lánh ở q7\n", "nlu", "classify");
        assertThat(outLines().get(0).split("\t")[4]).isEqualTo("Quận 7");
    }

    @Test
    void evalPrintsAccuracyMacroF1PerIntentScoresCrisisRecallAndConfusions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, """
                # a comment
                emergency\tck dang danh e cuu e
                self_harm\tem khong muon song nua
                greeting\txin chào ạ
                hotline\tsố tổng đài bảo vệ trẻ em là số mấy
                """, StandardCharsets.UTF_8);

        int code = run("", "nlu", "eval", file.toString());

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(report).contains("messages       4", "accuracy", "macro-F1", "crisis recall  1.000", "precision",
                "recall", "most frequent confusions");
    }

    @Test
    void evalRejectsALineWithoutATab(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "greeting xin chao\n", StandardCharsets.UTF_8);

        assertThat(run("", "nlu", "eval", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1 is not intent<TAB>text");
    }

    @Test
    void classifyPrintsTheLanguageTheActTheFollowUpAndTheCuesInTheLastColumns() {
        run("ok\ncó mất tiền ko\nmy stepdad hits me, i am 12\nko dam goi, no nghe thay\n", "nlu", "classify");
        List<String[]> rows = outLines().stream().map(l -> l.split("\t")).toList();
        assertThat(rows.get(0)).hasSize(9);
        assertThat(rows.get(0)[6]).isEqualTo("affirm");
        assertThat(rows.get(1)[7]).isEqualTo("cost");
        assertThat(rows.get(1)[2]).isEqualTo("true");
        assertThat(rows.get(2)[5]).isEqualTo("en");
        assertThat(rows.get(2)[8]).isEqualTo("child");
        assertThat(rows.get(3)[8]).isEqualTo("cannot_call");
    }

    @Test
    void conversationsPlaysEveryTurnAndPrintsTheFiguresAndTheWrongTurns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conversations.txt");
        Files.writeString(file, """
                == hỏi chi phí
                chồng em đánh em\tdomestic_violence
                có mất tiền ko\tdomestic_violence cost
                == sai cố ý
                xin chào\tsubscribe
                """, StandardCharsets.UTF_8);

        int code = run("", "nlu", "conversations", file.toString());

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(report).contains("conversations          2 (1 entirely right)", "turns right            0.667",
                "clarify rate", "false crisis           0", "sai cố ý / 1: xin chào -> subscribe | greeting");
    }

    @Test
    void aConversationFileWithAnUnknownIntentIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "== t\nxin chào\tgreetings\n", StandardCharsets.UTF_8);

        assertThat(run("", "nlu", "conversations", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: unknown intent greetings");
    }

    @Test
    void unknownCommandsPrintUsage() {
        assertThat(run("", "nlu", "dance")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nlu classify", "nlu eval FILE", "nlu calibrate",
                "nlu conversations FILE");
    }
}
