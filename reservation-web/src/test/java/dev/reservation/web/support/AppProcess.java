package dev.reservation.web.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app instance as its own operating-system process ({@code java ... WebMain}, this JVM's class
 * path), on a fixed port so that it can be killed with SIGKILL and started again where a load
 * balancer expects it. Output goes to a log file. Not thread-safe.
 */
public final class AppProcess implements AutoCloseable {
    private final int port;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public AppProcess(int port, List<String> args, Map<String, String> env, Path log) {
        this.port = port;
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
        this.log = log;
    }

    public int port() {
        return port;
    }

    /** Starts the process; does not wait for it (see {@link #awaitReady}). */
    public AppProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.reservation.web.WebMain", "--port", String.valueOf(port)));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until {@code /health/ready} answers 200. */
    public AppProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("app on port " + port + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("app on port " + port + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, requests in flight are cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
