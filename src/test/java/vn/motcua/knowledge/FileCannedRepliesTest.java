package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** Canned replies from intents/canned-replies.yml: the packaged file, an edited one, and broken ones. */
class FileCannedRepliesTest extends CannedRepliesContract {

    @TempDir
    Path dir;

    @Override
    CannedReplies twoReplies() {
        return new FileCannedReplies(files("""
                replies:
                  - id: greet
                    shortcut: /chao
                    title: "Chào"
                    text: "Chào bạn, mình là nhân viên hỗ trợ."
                  - id: safe
                    shortcut: /antoan
                    title: "An toàn"
                    text: "Bây giờ bạn có an toàn không?"
                """));
    }

    @Test
    void thePackagedRepliesAreInVietnameseWithShortcuts() {
        var replies = new FileCannedReplies(new ContentFiles(ContentProperties.of(null))).all().block();
        assertThat(replies).isNotEmpty();
        assertThat(replies).extracting(CannedReply::shortcut).allMatch(s -> s.matches("/[a-z]+"));
        assertThat(replies).extracting(CannedReply::text).anyMatch(t -> t.contains("nhân viên hỗ trợ"));
    }

    @Test
    void anEditShowsAtOnceAndABrokenFileStopsStartUpNamingWhatIsWrong() throws IOException {
        FileCannedReplies source = (FileCannedReplies) twoReplies();
        Files.writeString(dir.resolve("intents/canned-replies.yml"), """
                replies:
                  - id: bye
                    shortcut: /tambiet
                    title: "Tạm biệt"
                    text: "Cảm ơn bạn."
                """);
        assertThat(source.all().block()).extracting(CannedReply::shortcut).containsExactly("/tambiet");

        assertThatThrownBy(() -> new FileCannedReplies(files("replies:\n  - id: x\n    shortcut: chao\n    title: t\n    text: t\n")))
                .hasMessageContaining("canned-replies.yml").hasMessageContaining("shortcut like /chao");
    }

    private ContentFiles files(String cannedReplies) {
        try {
            Files.createDirectories(dir.resolve("intents"));
            Files.writeString(dir.resolve("intents/canned-replies.yml"), cannedReplies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ContentFiles(ContentProperties.of(dir.toString()));
    }
}
