package vn.motcua.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/**
 * Parsing realistic messages (the held-out lines: short and long, with and without accents, teencode) with the
 * shipped NLU: normalization, safety lexicon, classifier and location. One thread, so the score is messages per
 * second per core. Run: {@code mvn -B -Pbench -DskipTests test-compile exec:exec} (docs/performance.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
@Threads(1)
@State(Scope.Benchmark)
public class ParseBenchmark {

    private MessageParser parser;
    private String[] messages;

    /** Which message the next call parses; one per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Nlu nlu = NluFactory.build(new ContentFiles(ContentProperties.of(null)), ClassifierSettings.CHOSEN,
                NluProperties.DEFAULT_LOW_CONFIDENCE);
        parser = nlu.parser();
        List<String> lines = new ArrayList<>();
        try (InputStream in = ParseBenchmark.class.getResourceAsStream("/nlu/heldout.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    lines.add(line.substring(tab + 1));
                }
            }
        }
        messages = lines.toArray(String[]::new);
    }

    @Benchmark
    public Parse parse(Cursor cursor) {
        String message = messages[cursor.next];
        cursor.next = (cursor.next + 1) % messages.length;
        return parser.parse(message);
    }
}
