package vn.motcua.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import vn.motcua.content.ContentProperties;

/**
 * When content is served from a folder (MOTCUA_CONTENT_DIR), checks it for edits and reloads, so staff correct a
 * number or an answer without a restart. Polling the files' sizes and times is enough here and works on every
 * file system, including network and container mounts where file-system events are unreliable.
 */
@Component
class ContentWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

    private final ContentProperties properties;
    private final ContentReloader reloader;
    private volatile Disposable polling;
    private volatile String fingerprint;

    ContentWatcher(ContentProperties properties, ContentReloader reloader) {
        this.properties = properties;
        this.reloader = reloader;
    }

    @Override
    public void start() {
        String dir = properties.contentDir();
        if (dir == null || dir.isBlank() || properties.watch().isZero()) {
            return;
        }
        Path root = Path.of(dir);
        fingerprint = fingerprint(root);
        polling = Flux.interval(properties.watch(), Schedulers.boundedElastic())
                .map(tick -> fingerprint(root))
                .filter(now -> !now.equals(fingerprint))
                .subscribe(now -> {
                    fingerprint = now;
                    reloader.reload();
                }, e -> log.error("Watching the content folder stopped", e));
        log.info("Watching the content folder for edits every {}", properties.watch());
    }

    static String fingerprint(Path root) {
        StringBuilder print = new StringBuilder();
        for (String folder : new String[] {"intents", "directory-data"}) {
            Path path = root.resolve(folder);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.list(path)) {
                files.sorted().forEach(file -> {
                    try {
                        print.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                                .append(Files.getLastModifiedTime(file).toMillis()).append(';');
                    } catch (IOException e) {
                        print.append(file.getFileName()).append(":gone;");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return print.toString();
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
