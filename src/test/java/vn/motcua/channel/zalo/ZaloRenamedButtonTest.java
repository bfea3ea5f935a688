package vn.motcua.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.content.ContentFolders;
import vn.motcua.knowledge.AnswerBook;
import vn.motcua.knowledge.ContentReloader;

/**
 * Staff rename a button while the service runs. A Zalo query button sends its title back as a typed message, so the
 * new title must still be read as that button once the bot has offered it: nothing learned at start-up may go stale.
 */
class ZaloRenamedButtonTest extends ZaloIntegrationTest {

    /** Read by the classifier as words, this title means nothing certain: only the button gives it a meaning. */
    private static final String RENAMED = "Danh bạ cần nhớ";

    @TempDir
    static Path content;

    @Autowired
    ContentReloader reloader;

    @Autowired
    AnswerBook answers;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) throws IOException {
        ContentFolders.copyInto(content);
        registry.add("motcua.content.content-dir", content::toString);
        registry.add("motcua.content.watch", () -> "0s");
    }

    @Test
    void aButtonTitleRenamedByAReloadIsStillRecognisedWhenItComesBackTyped() throws IOException {
        Path system = content.resolve("intents/system.answers.yml");
        String before = Files.readString(system);
        assertThat(before).contains("title: \"Số điện thoại\"\n        payload: \"INTENT:hotline\"");
        Files.writeString(system, before.replace("title: \"Số điện thoại\"", "title: \"" + RENAMED + "\""));
        assertThat(reloader.reload().applied()).isTrue();

        String user = newUser();
        webhook.post(ZaloEvents.follow(user)).expectStatus().isOk();
        assertThat(awaitMessages(user, 1).get(0).buttonTitles()).contains(RENAMED);

        webhook.post(ZaloEvents.text(user, newMsgId(), RENAMED)).expectStatus().isOk();
        String hotline = answers.get("hotline", "default").text().lines().findFirst().orElseThrow();
        assertThat(awaitMessages(user, 2).get(1).text()).startsWith(hotline);
    }
}
