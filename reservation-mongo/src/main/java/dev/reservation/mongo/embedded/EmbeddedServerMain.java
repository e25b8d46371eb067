package dev.reservation.mongo.embedded;

import dev.reservation.core.domain.ReservationException;
import dev.reservation.mongo.internal.embedded.DiscoveryInfo;
import dev.reservation.mongo.internal.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded store's server as its own OS process until it is killed:
 * {@code EmbeddedServerMain --data-dir D [--port P]}. Serves {@code D} on 127.0.0.1 (port 0 or
 * absent: a free port), prints one line {@code listening 127.0.0.1:PORT pid PID} on stdout when it
 * is ready, and writes the discovery file so the web app and CLI attach to it. Acknowledged writes
 * survive SIGKILL; on SIGTERM it shuts down cleanly. Exit codes: 0 after a clean stop, 2 for bad
 * arguments, 3 when the directory is already served by another process or cannot be served.
 */
public final class EmbeddedServerMain {
    private EmbeddedServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (a.equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else {
                usage("unknown argument '" + a + "'");
            }
        }
        if (dataDir == null) {
            usage("--data-dir is required");
        }
        Optional<EmbeddedServer> server;
        try {
            server = EmbeddedServer.tryStart(dataDir.toAbsolutePath(), port, Clock.systemUTC());
        } catch (ReservationException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        if (server.isEmpty()) {
            System.err.println("error: " + dataDir.toAbsolutePath() + " is already served by another process"
                    + DiscoveryInfo.describe(dataDir.toAbsolutePath()));
            System.exit(3);
            return;
        }
        EmbeddedServer running = server.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "embedded-server-shutdown"));
        System.out.println("listening 127.0.0.1:" + running.port() + " pid " + ProcessHandle.current().pid());
        System.out.flush();
        stopped.await();
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                usage("--port must be between 0 and 65535");
            }
            return p;
        } catch (NumberFormatException e) {
            usage("--port must be a number, was '" + text + "'");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: EmbeddedServerMain --data-dir DIR [--port PORT]");
        System.exit(2);
    }
}
