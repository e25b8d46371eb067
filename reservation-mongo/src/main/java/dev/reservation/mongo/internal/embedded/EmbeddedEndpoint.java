package dev.reservation.mongo.internal.embedded;

import dev.reservation.core.domain.StoreUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the embedded server of a data directory: starts it when no process owns the directory,
 * else attaches to the owner's loopback port from the discovery file (e.g. the CLI while the web
 * app runs). Not itself stateful; the returned endpoint owns the server when {@link #owned} is set.
 */
public record EmbeddedEndpoint(String connectionString, Optional<EmbeddedServer> owned) {
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(10);

    public static EmbeddedEndpoint startOrAttach(Path dataDir, Clock clock) {
        long deadline = System.nanoTime() + ATTACH_WAIT.toNanos();
        while (true) {
            Optional<EmbeddedServer> started = EmbeddedServer.tryStart(dataDir, 0, clock);
            if (started.isPresent()) {
                return new EmbeddedEndpoint(started.get().connectionString(), started);
            }
            Optional<DiscoveryFile> running = DiscoveryFile.read(dataDir).filter(d -> answers(d.port()));
            if (running.isPresent()) {
                return new EmbeddedEndpoint("mongodb://127.0.0.1:" + running.get().port(), Optional.empty());
            }
            if (System.nanoTime() > deadline) {
                String who = DiscoveryFile.read(dataDir).map(d -> " (pid " + d.pid() + ", port " + d.port() + ")").orElse("");
                throw new StoreUnavailableException("the embedded store in " + dataDir + " is locked by another "
                        + "process" + who + " that does not answer; stop that process or use another --data-dir", null);
            }
            sleep();
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the embedded store", e);
        }
    }
}
