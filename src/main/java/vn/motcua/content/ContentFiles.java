package vn.motcua.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the content staff edit (the {@code intents/} and {@code directory-data/} folders): from MOTCUA_CONTENT_DIR when set, otherwise the copy
 * packaged in the jar, so the service runs anywhere with no configuration.
 */
@Component
public class ContentFiles {

    private final String directory;

    public ContentFiles(ContentProperties properties) {
        this.directory = properties.contentDir();
    }

    /** The text of every file in {@code intents/} whose name ends with {@code suffix}, by file name. */
    public Map<String, String> intentFiles(String suffix) {
        return files("intents", suffix);
    }

    /** The text of every {@code directory-data/*.yml} file, by file name. */
    public Map<String, String> directoryFiles() {
        return files("directory-data", ".yml");
    }

    private Map<String, String> files(String folder, String suffix) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            if (directory != null && !directory.isBlank()) {
                Path dir = Path.of(directory, folder);
                if (!Files.isDirectory(dir)) {
                    return files;
                }
                try (var paths = Files.list(dir)) {
                    for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                        files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
                    }
                }
                return files;
            }
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*" + suffix);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + folder + " content", e);
        }
    }

    /**
     * The text of one file of {@code intents/}, when it exists. Reading a file by name is fast even from the packaged
     * jar, where listing files means scanning the classpath (the command line needs start-up in well under a second).
     */
    public Optional<String> intentFile(String fileName) {
        try {
            if (directory != null && !directory.isBlank()) {
                Path path = Path.of(directory, "intents", fileName);
                return Files.isRegularFile(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8))
                        : Optional.empty();
            }
            try (InputStream in = ContentFiles.class.getClassLoader().getResourceAsStream("intents/" + fileName)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read intents/" + fileName, e);
        }
    }
}
