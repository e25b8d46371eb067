package dev.reservation.harness.cluster;

import dev.reservation.harness.history.MonotonicClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;

/**
 * Starts reservation-mongo's embedded wire-protocol server as a SEPARATE OS process
 * ({@code java -cp <this JVM's class path> dev.reservation.mongo.embedded.EmbeddedServerMain --data-dir D
 * --port P}), its data under {@code <workDir>/embedded-data} so that it survives a kill and restart
 * (deleted when the cluster is closed; the server's log stays).
 * Stateless; each call starts a new process.
 */
public final class EmbeddedProcessLauncher {
    public static final String MAIN_CLASS = "dev.reservation.mongo.embedded.EmbeddedServerMain";
    private final MonotonicClock clock;

    public EmbeddedProcessLauncher(MonotonicClock clock) {
        this.clock = clock;
    }

    /** True when the embedded server's main class is on this JVM's class path. */
    public static boolean available() {
        try {
            Class.forName(MAIN_CLASS, false, EmbeddedProcessLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public ClusterControl start(ClusterOptions options) {
        if (!available()) {
            throw new ClusterStartException("--cluster embedded-process needs reservation-mongo's " + MAIN_CLASS
                    + " on the class path (build it: mvn -pl reservation-mongo install)");
        }
        int port = FreePorts.pick(1).get(0);
        String host = "127.0.0.1:" + port;
        Path data;
        try {
            data = Files.createDirectories(options.workDir().resolve("embedded-data"));
        } catch (IOException e) {
            throw new ClusterStartException("cannot create " + options.workDir().resolve("embedded-data"), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        OsProcessMember node = new OsProcessMember(host, List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), MAIN_CLASS, "--data-dir", data.toString(),
                "--port", Integer.toString(port)), options.workDir().resolve("embedded-server.log"));
        MemberClients admin = new MemberClients();
        node.start();
        boolean up = Waits.until(clock, options.startTimeout(), Duration.ofMillis(100),
                () -> admin.tryCommand(host, new Document("ping", 1))).isPresent();
        if (!up) {
            admin.close();
            node.stopQuietly();
            throw new ClusterStartException("the embedded server did not answer on " + host + " within "
                    + options.startTimeout().toSeconds() + " s; see " + options.workDir().resolve("embedded-server.log"));
        }
        return new SingleNodeCluster(node, admin,
                ClientUris.withOptions("mongodb://" + host + "/", options.clientOptions()),
                "embedded wire-protocol server as a separate process at " + host + " (data " + data
                        + "): ONE node, no replication, no elections", data);
    }
}
