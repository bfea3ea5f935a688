package vn.motcua.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/motcua-chat.jar) running as a child process, as an operator runs it: {@code java -jar}
 * with its settings in the environment only. Its own HTTP port and management port; its output goes to
 * target/it-logs/&lt;name&gt;.log, which {@link #log()} reads back.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final long startedAtNanos = System.nanoTime();
    private volatile double readyAfterSeconds = Double.NaN;

    private ServiceProcess(String name, int port, int managementPort, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts the jar with exactly these settings (and PATH/HOME, nothing else of this JVM's environment), on free
     * ports. Does not wait: {@link #awaitReady()} does.
     */
    static ServiceProcess start(String name, Map<String, String> settings) {
        Path jar = jar();
        int port = freePort();
        int management = freePort();
        Map<String, String> env = new LinkedHashMap<>(settings);
        env.put("SERVER_PORT", Integer.toString(port));
        // Today's name (Boot's MANAGEMENT_SERVER_PORT) and the one issue 13 may add: both get a free port.
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
        env.put("MANAGEMENT_PORT", Integer.toString(management));
        Path logs = Path.of(System.getProperty("motcua.it.logs", "target/it-logs"));
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: the machine running the suite may have two cores for everything.
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString()));
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            String path = environment.get("PATH");
            String home = environment.get("HOME");
            environment.clear();
            if (path != null) {
                environment.put("PATH", path);
            }
            if (home != null) {
                environment.put("HOME", home);
            }
            environment.putAll(env);
            return new ServiceProcess(name, port, management, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("motcua.jar", "target/motcua-chat.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run in `mvn verify`, after `package`");
        }
        return jar;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until readiness says UP; fails with the end of the log if the process ends or takes too long. */
    ServiceProcess awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with exit code " + process.exitValue() + " before it was "
                        + "ready:\n" + tail(60));
            }
            if (ready()) {
                readyAfterSeconds = (System.nanoTime() - startedAtNanos) / 1e9;
                return this;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(name + " was not ready after " + START_TIMEOUT.toSeconds() + " s:\n" + tail(60));
    }

    /** How long it took from start to ready, in seconds (NaN before {@link #awaitReady()} returned). */
    double readyAfterSeconds() {
        return readyAfterSeconds;
    }

    private boolean ready() {
        for (int candidate : new int[] {managementPort, port}) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + candidate + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet (or this is not the port health is on).
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or acknowledged on the way out. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(20));
    }

    /** An ordinary stop (SIGTERM): graceful shutdown, shutdown hooks run; forcibly after 30 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Everything the process printed so far. */
    String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
