package vn.motcua.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;
import vn.motcua.nlu.Nlu;
import vn.motcua.nlu.Parse;
import vn.motcua.nlu.ClassifierSettings;
import vn.motcua.nlu.CrossValidation;
import vn.motcua.nlu.LowConfidenceThreshold;
import vn.motcua.nlu.NluProperties;
import vn.motcua.nlu.MessageParser;
import vn.motcua.nlu.Evaluation;
import vn.motcua.nlu.ModelComparison;
import vn.motcua.nlu.OutOfScopeFallback;
import vn.motcua.nlu.NluFactory;

/**
 * {@code java -jar motcua-chat.jar nlu …}: the NLU from the command line, without the web server, Spring or Redis.
 * <ul>
 *   <li>{@code nlu classify}: one message per line on stdin → {@code intent<TAB>confidence<TAB>lowConfidence<TAB>
 *       safety phrase<TAB>location} per line, in order ({@code -} where empty)</li>
 *   <li>{@code nlu eval FILE}: {@code intent<TAB>text} lines → accuracy, macro-F1, per-intent precision and recall,
 *       crisis recall, most frequent confusions</li>
 *   <li>{@code nlu cv [FOLDS]}: k-fold cross-validation of the shipped settings and the low-confidence sweep</li>
 *   <li>{@code nlu compare [FOLDS]}: the model comparison table of docs/nlu.md</li>
 * </ul>
 * Content comes from MOTCUA_CONTENT_DIR or the copy in the jar, settings from the same environment variables as the
 * service. Timings go to stderr so stdout stays machine-readable.
 */
public final class NluCommand {

    private static final String USAGE = """
            usage: java -jar motcua-chat.jar nlu classify        < messages.txt
                   java -jar motcua-chat.jar nlu eval FILE         (lines: intent<TAB>text)
                   java -jar motcua-chat.jar nlu cv [FOLDS] [--misses] [--algorithm MAXENT|NAIVEBAYES|…]
                                                   (cross-validation over intents/, default 10 folds)
                   java -jar motcua-chat.jar nlu compare [FOLDS]   (model comparison table, default 10)""";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Nlu> nlu;
    private boolean misses;
    private String algorithm;

    public NluCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.nlu = this::build;
    }

    /** For tests: the NLU to use instead of training one from the environment's content. */
    NluCommand(InputStream in, PrintStream out, PrintStream err, Supplier<Nlu> nlu) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.nlu = nlu;
    }

    /** Entry point from {@code MotcuaApplication.main}; args[0] is "nlu". Returns the process exit code. */
    public static int main(String[] args) {
        // Before the first logger: OpenNLP and our classes log through SLF4J, and logback's default would print DEBUG
        // lines on stdout, mixed with the results. Starting logback also costs about a second on a busy machine; the
        // command reports what matters on stderr itself and fails with an exception, so it logs nothing.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int code = new NluCommand(System.in, out, System.err).run(args);
        out.flush();
        return code;
    }

    public int run(String[] args) {
        String command = args.length > 1 ? args[1] : "";
        try {
            switch (command) {
                case "classify":
                    return classify(nlu.get());
                case "eval":
                    if (args.length < 3) {
                        break;
                    }
                    List<String[]> labelled = readLabelled(Path.of(args[2]));
                    out.print(evaluate(nlu.get().parser(), labelled).report());
                    return 0;
                case "cv":
                    misses = List.of(args).contains("--misses");
                    int flag = List.of(args).indexOf("--algorithm");
                    algorithm = flag > 0 && flag + 1 < args.length ? args[flag + 1] : null;
                    return crossValidate(nlu.get(), folds(args));
                case "compare":
                    return compare(nlu.get(), folds(args));
                default:
                    break;
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // NumberFormatException (a bad FOLDS) is an IllegalArgumentException too.
            err.println("nlu: " + e.getMessage());
            return 1;
        }
        err.println(USAGE);
        return 2;
    }

    Nlu build() {
        long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long started = System.currentTimeMillis();
        NluProperties properties = NluProperties.fromEnvironment();
        ContentFiles files = new ContentFiles(ContentProperties.of(System.getenv("MOTCUA_CONTENT_DIR")));
        Nlu nlu = NluFactory.build(files, ClassifierSettings.CHOSEN.withIterations(properties.iterations()),
                properties.lowConfidence());
        long built = System.currentTimeMillis();
        err.printf(Locale.ROOT, "nlu: JVM and launcher %d ms; content, normalizer, lexicon and locations %d ms; "
                        + "trained on %d examples in %d ms%n", started - jvmStarted,
                built - started - nlu.classifier().trainingMillis(),
                nlu.examples().byIntent().values().stream().mapToInt(List::size).sum(), nlu.classifier().trainingMillis());
        return nlu;
    }

    private int classify(Nlu nlu) {
        long started = System.nanoTime();
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder batch = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Parse parse = nlu.parser().parse(line);
                batch.append(parse.intent()).append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", parse.confidence())).append('\t')
                        .append(parse.lowConfidence()).append('\t')
                        .append(parse.safetyPhrase() == null ? "-" : parse.safetyPhrase()).append('\t')
                        .append(parse.location() == null ? "-" : parse.location().label()).append('\n');
                lines++;
            }
            out.print(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.printf(Locale.ROOT, "nlu: classified %d lines in %d ms%n", lines, (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private int crossValidate(Nlu nlu, int folds) {
        CrossValidation cv = new CrossValidation(nlu);
        Evaluation evaluation = cv.run(settings(), folds);
        out.printf(Locale.ROOT, "%d-fold cross-validation of %s (out-of-scope fallback %.2f)%n%n", folds,
                settings().label(), NluFactory.OUT_OF_SCOPE_BELOW);
        out.print(OutOfScopeFallback.apply(evaluation, NluFactory.OUT_OF_SCOPE_BELOW).report());
        out.println();
        out.println("| out-of-scope below | accuracy | macro-F1 |");
        out.println("|---|---|---|");
        OutOfScopeFallback.sweep(evaluation).forEach(row -> out.println(row.format()));
        out.printf(Locale.ROOT, "%nbest out-of-scope fallback: %.2f%n%n", OutOfScopeFallback.choose(evaluation).threshold());
        out.println(LowConfidenceThreshold.HEADER);
        LowConfidenceThreshold.sweep(evaluation).forEach(row -> out.println(row.format()));
        out.printf(Locale.ROOT, "%nchosen low-confidence threshold: %.2f%n",
                LowConfidenceThreshold.choose(evaluation).threshold());
        if (misses) {
            // Training examples only (staff wrote them), never people's messages: safe to print.
            out.printf(Locale.ROOT, "%nmisclassified examples (expected, predicted, confidence, text)%n");
            for (int i = 0; i < evaluation.size(); i++) {
                Evaluation.Outcome o = evaluation.outcomes().get(i);
                if (!o.correct()) {
                    out.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s%n", o.expected(), o.predicted(), o.confidence(),
                            cv.texts().get(i));
                }
            }
        }
        return 0;
    }

    private int compare(Nlu nlu, int folds) {
        out.println(ModelComparison.HEADER);
        out.flush();
        for (ClassifierSettings candidate : ModelComparison.candidates()) {
            out.println(ModelComparison.evaluate(nlu, candidate, folds).format());
            out.flush();
        }
        return 0;
    }

    private ClassifierSettings settings() {
        ClassifierSettings chosen = ClassifierSettings.CHOSEN.withIterations(NluProperties.fromEnvironment().iterations());
        if (algorithm == null) {
            return chosen;
        }
        return new ClassifierSettings(algorithm, chosen.cutoff(), chosen.iterations(), chosen.accentedWords(),
                chosen.bigrams(), chosen.charNgrams());
    }

    /** Parses every labelled message and judges the result. */
    public static Evaluation evaluate(MessageParser parser, List<String[]> labelled) {
        List<Evaluation.Outcome> outcomes = new ArrayList<>(labelled.size());
        for (String[] row : labelled) {
            Parse parse = parser.parse(row[1]);
            outcomes.add(new Evaluation.Outcome(row[0], parse.intent(), parse.confidence()));
        }
        return new Evaluation(outcomes);
    }

    /** {@code intent<TAB>text} lines; blank lines and {@code #} comments are skipped. */
    public static List<String[]> readLabelled(Path file) {
        try {
            List<String[]> rows = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException(file + " line " + number + " is not intent<TAB>text");
                }
                rows.add(new String[] {line.substring(0, tab).strip(),
                        Normalizer.normalize(line.substring(tab + 1), Normalizer.Form.NFC)});
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static int folds(String[] args) {
        return args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 10;
    }
}
