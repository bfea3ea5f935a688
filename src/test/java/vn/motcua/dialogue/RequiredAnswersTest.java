package vn.motcua.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.motcua.MotcuaApplication;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentFolders;
import vn.motcua.content.ContentProperties;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.ContentReloader;
import vn.motcua.knowledge.ServiceDirectory;
import vn.motcua.nlu.Intents;

/**
 * Every answer the policy can give is in the content, or the content is not used: a folder that lacks one stops
 * start-up, and a reload that would lose one is refused, each naming the answer, rather than failing in the middle of
 * someone's turn.
 */
class RequiredAnswersTest {

    @TempDir
    Path dir;

    private ContentFiles files;

    @BeforeEach
    void copyContent() throws IOException {
        ContentFolders.copyInto(dir);
        files = new ContentFiles(ContentProperties.of(dir.toString()));
    }

    /** Staff renamed the answer "Không xóa" leads to: the bot would have nothing to say when someone taps it. */
    private void loseTheCancelledAnswer() throws IOException {
        Path file = dir.resolve("intents/delete_data.answers.yml");
        String text = Files.readString(file);
        assertThat(text).contains("\n  cancelled:");
        Files.writeString(file, text.replace("\n  cancelled:", "\n  khong_xoa:"));
    }

    private static ContentReloader reloaderOf(ContentFiles files, AnswerBook answers) {
        return new ContentReloader(files, answers, new ServiceDirectory(files), List.of(new RequiredAnswers()),
                new SimpleMeterRegistry());
    }

    @Test
    void everyIntentHasAnAnswerByNameAndThePackagedContentHoldsEveryOne() {
        assertThat(Intents.ALL).allSatisfy(intent -> assertThat(AnswerName.of(intent)).as(intent).isPresent());
        AnswerBook packaged = new AnswerBook(new ContentFiles(ContentProperties.of(null)), List.of(new RequiredAnswers()));
        for (AnswerName name : AnswerName.values()) {
            assertThat(packaged.find(name.intent(), name.variant())).as(name.label()).isPresent();
        }
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFolderMissingOneAnswerStopsStartUpNamingIt(org.springframework.boot.test.system.CapturedOutput output)
            throws IOException {
        loseTheCancelledAnswer();
        SpringApplicationBuilder app = new SpringApplicationBuilder(MotcuaApplication.class);
        // Command-line arguments, as an operator would start it: they win over application.yml.
        assertThatThrownBy(() -> app.run("--motcua.content.content-dir=" + dir, "--motcua.content.watch=0s",
                "--server.port=0", "--management.server.port=0", "--motcua.secret=test-secret").close())
                .hasStackTraceContaining("delete_data/cancelled")
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .isEqualTo("intents/ lacks answers the bot cannot work without: delete_data/cancelled"));
        // The operator reads one line that names the answer, not a bean-creation stack trace.
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Description:" + System.lineSeparator() + System.lineSeparator()
                        + "intents/ lacks answers the bot cannot work without: delete_data/cancelled");
    }

    @Test
    void aReloadThatWouldLoseOneIsRefusedNamingItAndTheOldAnswerStaysInService() throws IOException {
        AnswerBook answers = new AnswerBook(files, List.of(new RequiredAnswers()));
        ContentReloader reloader = reloaderOf(files, answers);
        String cancelled = answers.get("delete_data", "cancelled").text();

        loseTheCancelledAnswer();
        ContentReloader.Result result = reloader.reload();

        assertThat(result.applied()).isFalse();
        assertThat(result.error()).contains("delete_data/cancelled").doesNotContain("emergency");
        assertThat(answers.get("delete_data", "cancelled").text()).isEqualTo(cancelled);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
