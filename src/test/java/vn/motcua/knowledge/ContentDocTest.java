package vn.motcua.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** docs/content.md is what staff read: its table must show every directory entry as it is now. */
class ContentDocTest {

    @Test
    void theDocTableListsEveryEntryWithItsVerificationDateAndConfirmation() throws IOException {
        String doc = Files.readString(Path.of("docs/content.md"));
        ServiceDirectory directory = new ServiceDirectory(new ContentFiles(ContentProperties.of(null)));
        assertThat(directory.all()).allSatisfy(entry -> {
            String row = doc.lines().filter(l -> l.startsWith("| `" + entry.id() + "` |")).findFirst().orElse("");
            assertThat(row).as(entry.id()).contains(entry.verifiedOn().toString())
                    .contains(entry.confirmed() ? "| yes |" : "| **no** |");
        });
    }
}
