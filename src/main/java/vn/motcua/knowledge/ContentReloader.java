package vn.motcua.knowledge;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.content.ContentFiles;

/**
 * Loads corrected answers and directory entries while the service runs. Everything is parsed and checked first;
 * only a complete, valid set replaces what is running, so a bad file keeps the previous content in service and
 * the error is reported to whoever made the change.
 */
@Component
public class ContentReloader {

    private static final Logger log = LoggerFactory.getLogger(ContentReloader.class);

    /** What a reload did: {@code error} is null when the new content is in service. */
    public record Result(boolean applied, String error, int answerFiles, int directoryEntries, Instant at) {
    }

    private final ContentFiles files;
    private final AnswerBook answers;
    private final ServiceDirectory directory;
    private final List<ContentRequirement> requirements;
    private final MeterRegistry meters;
    private volatile Result last;

    @Autowired
    public ContentReloader(ContentFiles files, AnswerBook answers, ServiceDirectory directory,
                           ObjectProvider<ContentRequirement> requirements, MeterRegistry meters) {
        this(files, answers, directory, requirements.orderedStream().toList(), meters);
    }

    public ContentReloader(ContentFiles files, AnswerBook answers, ServiceDirectory directory,
                           List<ContentRequirement> requirements, MeterRegistry meters) {
        this.files = files;
        this.answers = answers;
        this.directory = directory;
        this.requirements = List.copyOf(requirements);
        this.meters = meters;
    }

    public synchronized Result reload() {
        Result result;
        try {
            AnswerBook.Contents nextAnswers = AnswerBook.parse(files);
            List<ServiceEntry> nextEntries = ServiceDirectory.load(files.directoryFiles());
            List<String> missing = nextAnswers.missing(requirements);
            if (!missing.isEmpty()) {
                throw new MissingAnswersException(missing);
            }
            if (nextEntries.isEmpty()) {
                throw new IllegalStateException("directory-data/ has no entries");
            }
            answers.replace(nextAnswers);
            directory.replace(nextEntries);
            result = new Result(true, null, nextAnswers.answers().size(), nextEntries.size(), Instant.now());
            log.info("Content reloaded: {} answer files, {} directory entries", result.answerFiles(), result.directoryEntries());
        } catch (RuntimeException e) {
            result = new Result(false, e.getMessage(), answers.all().size(), directory.all().size(), Instant.now());
            log.error("Content reload rejected, the previous content stays in service: {}", e.getMessage());
        }
        meters.counter("motcua.content.reloads", "applied", Boolean.toString(result.applied())).increment();
        last = result;
        return result;
    }

    /** The outcome of the latest reload, or null if there was none. */
    public Result last() {
        return last;
    }
}
