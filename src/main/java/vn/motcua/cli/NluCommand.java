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
import vn.motcua.nlu.Calibration;
import vn.motcua.nlu.Decisions;
import vn.motcua.nlu.DialogueAct;
import vn.motcua.nlu.Intents;
import vn.motcua.nlu.MistakeCosts;
import vn.motcua.nlu.FollowUp;
import vn.motcua.nlu.CalibrationFit;
import vn.motcua.nlu.ClassifierSettings;
import vn.motcua.nlu.ConversationSuite;
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
 *       safety phrase<TAB>location<TAB>language<TAB>act<TAB>follow-up<TAB>cues} per line, in order ({@code -} where
 *       empty)</li>
 *   <li>{@code nlu eval FILE}: {@code intent<TAB>text} lines → accuracy, macro-F1, per-intent precision and recall,
 *       crisis recall, most frequent confusions</li>
 *   <li>{@code nlu cv [FOLDS]}: k-fold cross-validation of the shipped settings and the low-confidence sweep</li>
 *   <li>{@code nlu compare [FOLDS]}: the model comparison table of docs/nlu.md</li>
 *   <li>{@code nlu calibrate [FOLDS] [--write FILE]}: fits the calibration of the classifier's scores</li>
 *   <li>{@code nlu conversations FILE}: plays scripted conversations turn by turn and prints the figures</li>
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
                   java -jar motcua-chat.jar nlu compare [FOLDS]   (model comparison table, default 10)
                   java -jar motcua-chat.jar nlu calibrate [FOLDS] [--write FILE]
                   java -jar motcua-chat.jar nlu conversations FILE  (scripted conversations, turn by turn)""";

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
                case "conversations":
                    if (args.length < 3) {
                        break;
                    }
                    return conversations(nlu.get(), Path.of(args[2]));
                case "calibrate":
                    int write = List.of(args).indexOf("--write");
                    return calibrate(nlu.get(), folds(args), write > 0 && write + 1 < args.length ? Path.of(args[write + 1]) : null);
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
                        .append(parse.location() == null ? "-" : parse.location().label()).append('\t')
                        .append(parse.language()).append('\t')
                        .append(parse.act() == DialogueAct.NONE ? "-" : parse.act().intent()).append('\t')
                        .append(parse.followUp() == FollowUp.NONE ? "-" : parse.followUp().id()).append('\t')
                        .append(cues(parse)).append('\n');
                lines++;
            }
            out.print(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.printf(Locale.ROOT, "nlu: classified %d lines in %d ms%n", lines, (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private static String cues(Parse parse) {
        List<String> cues = new ArrayList<>();
        if (parse.cannotCall()) {
            cues.add("cannot_call");
        }
        if (parse.childSpeaking()) {
            cues.add("child");
        }
        return cues.isEmpty() ? "-" : String.join(",", cues);
    }

    private int crossValidate(Nlu nlu, int folds) {
        CrossValidation cv = new CrossValidation(nlu);
        List<CrossValidation.Judged> judged = cv.judge(settings(), folds, nlu.calibration());
        Evaluation raw = new Evaluation(judged.stream().map(CrossValidation.Judged::outcome).toList());
        Evaluation evaluation = OutOfScopeFallback.apply(raw, NluFactory.OUT_OF_SCOPE_BELOW);
        out.printf(Locale.ROOT, "%d-fold cross-validation of the full parser: %s, calibrated, costs of mistakes at "
                        + "low-confidence %.2f, out-of-scope fallback %.2f%n%n", folds, settings().label(),
                nlu.lowConfidence(), NluFactory.OUT_OF_SCOPE_BELOW);
        out.print(evaluation.report());
        List<Evaluation.Outcome> original = evaluation.outcomes().stream()
                .filter(o -> ORIGINAL_INTENTS.contains(o.expected())).toList();
        Evaluation originalOnly = new Evaluation(original);
        out.printf(Locale.ROOT, "%nthe 21 intents before issue 10 only: %d examples, accuracy %.3f, macro-F1 %.3f%n",
                originalOnly.size(), originalOnly.accuracy(), macroF1Of(originalOnly));
        out.println();
        out.println("| out-of-scope below (calibrated) | accuracy | macro-F1 |");
        out.println("|---|---|---|");
        OutOfScopeFallback.sweep(raw).forEach(row -> out.println(row.format()));
        out.printf(Locale.ROOT, "%nbest out-of-scope fallback: %.2f%n%n", OutOfScopeFallback.choose(raw).threshold());
        MistakeCosts costs = new MistakeCosts(nlu.lowConfidence());
        out.println(Decisions.HEADER);
        out.println(Decisions.of(judged.stream().map(j -> j.before(nlu.lowConfidence(), NluFactory.OUT_OF_SCOPE_BELOW))
                .toList(), costs).format(String.format(Locale.ROOT, "before: classifier scores, ask below %.2f, crisis "
                + "guesses always answered", nlu.lowConfidence())));
        List<Evaluation.Outcome> oneThreshold = evaluation.outcomes().stream()
                .map(o -> new Evaluation.Outcome(o.expected(), o.predicted(), o.confidence(),
                        o.confidence() < nlu.lowConfidence() && o.confidence() < 1.0))
                .toList();
        out.println(Decisions.of(oneThreshold, costs).format(String.format(Locale.ROOT,
                "calibrated, ask below %.2f (crisis too)", nlu.lowConfidence())));
        out.println(Decisions.of(evaluation.outcomes(), costs).format("calibrated, ask when asking costs less (shipped)"));
        out.println();
        out.println(LowConfidenceThreshold.HEADER);
        LowConfidenceThreshold.sweep(evaluation).forEach(row -> out.println(row.format()));
        out.printf(Locale.ROOT, "%nlowest-cost single threshold on calibrated probabilities: %.2f%n",
                LowConfidenceThreshold.choose(evaluation).threshold());
        if (misses) {
            // Training examples only (staff wrote them), never people's messages: safe to print.
            out.printf(Locale.ROOT, "%nmisclassified examples (expected, predicted, confidence, asked, text)%n");
            for (int i = 0; i < evaluation.size(); i++) {
                Evaluation.Outcome o = evaluation.outcomes().get(i);
                if (!o.correct()) {
                    out.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s\t%s%n", o.expected(), o.predicted(), o.confidence(),
                            o.asked() ? "asked" : "answered", judged.get(i).text());
                }
            }
        }
        return 0;
    }

    /** The intents of the contract before issue 10, for figures comparable with the earlier ones. */
    private static final java.util.Set<String> ORIGINAL_INTENTS = java.util.Set.copyOf(Intents.ALL.subList(0, 21));

    private static double macroF1Of(Evaluation evaluation) {
        return evaluation.perIntent().stream().filter(s -> s.support() > 0).mapToDouble(Evaluation.IntentScore::f1)
                .average().orElse(0);
    }

    /** Plays the scripted conversations of FILE through the parser and prints the figures and every wrong turn. */
    private int conversations(Nlu nlu, Path file) {
        ConversationSuite suite;
        try {
            suite = ConversationSuite.read(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        out.print(suite.play(nlu.parser()::parse).report());
        return 0;
    }

    /**
     * Fits the calibration on cross-validated classifications of the training examples (those no rule decides),
     * prints its quality before and after (cross-fitted) with the reliability tables, and writes it with --write.
     */
    private int calibrate(Nlu nlu, int folds, Path target) {
        List<CalibrationFit.Sample> samples = new CrossValidation(nlu).judge(settings(), folds, Calibration.NONE).stream()
                .filter(j -> !j.ruled()).map(CrossValidation.Judged::sample).toList();
        Calibration fitted = CalibrationFit.fit(samples);
        out.printf(Locale.ROOT, "%d-fold cross-validated classifications of %d examples that no rule decides%n%n", folds,
                samples.size());
        out.println("classifier scores:       " + CalibrationFit.quality(samples, Calibration.NONE).format());
        out.println("calibrated (in-sample):  " + CalibrationFit.quality(samples, fitted).format());
        out.println("calibrated (10 x cross-fitted): " + CalibrationFit.crossFitted(samples, 10).format());
        out.printf(Locale.ROOT, "%nreliability of the classifier's scores%n%s", CalibrationFit.reliability(samples, Calibration.NONE));
        out.printf(Locale.ROOT, "%nreliability of the calibrated probabilities (in-sample)%n%s", CalibrationFit.reliability(samples, fitted));
        String properties = fitted.format("nlu calibrate: " + folds + "-fold cross-validation, " + samples.size()
                + " examples");
        out.printf(Locale.ROOT, "%n%s", properties);
        if (target != null) {
            try {
                Files.writeString(target, properties, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target, e);
            }
            err.println("nlu: calibration written to " + target);
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
