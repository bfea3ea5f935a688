package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentFolders;
import vn.motcua.content.ContentProperties;

/** Staff correct answers and directory entries while the service runs; a bad file never replaces good content. */
class ContentReloadTest {

    /** A room that cannot work without the emergency answer (the dialogue's own list is tested beside it). */
    private static final ContentRequirement REQUIRES_EMERGENCY = answers ->
            answers.has("emergency", "default") ? List.of() : List.of("emergency/default");

    @TempDir
    Path dir;

    private ContentFiles files;
    private AnswerBook answers;
    private ServiceDirectory directory;
    private ContentReloader reloader;

    @BeforeEach
    void copyContent() throws IOException {
        ContentFolders.copyInto(dir);
        files = new ContentFiles(ContentProperties.of(dir.toString()));
        answers = new AnswerBook(files);
        directory = new ServiceDirectory(files);
        reloader = new ContentReloader(files, answers, directory, List.of(REQUIRES_EMERGENCY), new SimpleMeterRegistry());
    }

    @Test
    void aCorrectedAnswerIsServedAfterAReload() throws IOException {
        edit("intents/thanks_goodbye.answers.yml", answers.get("thanks_goodbye", "default").text().lines().findFirst().orElseThrow(),
                "Cảm ơn bạn đã nhắn. Bạn có thể quay lại bất cứ lúc nào.");
        ContentReloader.Result result = reloader.reload();
        assertThat(result.applied()).isTrue();
        assertThat(answers.get("thanks_goodbye", "default").text()).startsWith("Cảm ơn bạn đã nhắn.");
    }

    @Test
    void aBrokenDirectoryFileKeepsThePreviousContentAndSaysWhere() throws IOException {
        int before = directory.all().size();
        edit("directory-data/hotlines.yml", "verified_on: 2026-11-29", "verified_on: someday");
        ContentReloader.Result result = reloader.reload();
        assertThat(result.applied()).isFalse();
        assertThat(result.error()).contains("directory-data/hotlines.yml line");
        assertThat(directory.all()).hasSize(before);
        assertThat(reloader.last()).isEqualTo(result);
    }

    @Test
    void aMissingAnswerARequirementNamesIsRejectedAndTheOldOneStaysInService() throws IOException {
        Files.delete(dir.resolve("intents/emergency.answers.yml"));
        ContentReloader.Result result = reloader.reload();
        assertThat(result.applied()).isFalse();
        assertThat(result.error()).contains("emergency/default");
        assertThat(answers.get("emergency", "default").text()).contains("113");
    }

    @Test
    void anEditedFolderIsPickedUpWithoutAskingWhenWatched() throws IOException {
        ContentWatcher watcher = new ContentWatcher(
                new ContentProperties(dir.toString(), Duration.ofMillis(50)), reloader);
        watcher.start();
        try {
            edit("intents/unsubscribe.answers.yml", answers.get("unsubscribe", "default").text().lines().findFirst().orElseThrow(),
                    "Mình đã dừng gửi tin cho bạn.");
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> answers.get("unsubscribe", "default").text().startsWith("Mình đã dừng gửi tin cho bạn."));
        } finally {
            watcher.stop();
        }
    }

    @Test
    void theReloadEndpointSaysWhetherTheNewContentIsInService() {
        WebTestClient http = WebTestClient.bindToController(new ContentReloadController(reloader)).build();
        http.post().uri("/api/content/reload").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
