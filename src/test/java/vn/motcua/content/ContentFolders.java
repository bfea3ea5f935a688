package vn.motcua.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of the repository's content folders that a test may edit, as staff edit MOTCUA_CONTENT_DIR. */
public final class ContentFolders {

    private ContentFolders() {
    }

    /** Copies {@code intents/} and {@code directory-data/} into {@code dir}. */
    public static void copyInto(Path dir) throws IOException {
        for (String folder : new String[] {"intents", "directory-data"}) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path path : paths.toList()) {
                    Files.copy(path, dir.resolve(folder).resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
