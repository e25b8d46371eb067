package dev.reservation.mongo.replset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A real replica set for integration tests, from whatever this machine has: Docker
 * (Testcontainers: a single-node replica set) or {@code mongod} binaries (a local PSA set). With
 * neither, the calling test is skipped with a message naming what it needs; it never passes
 * without running.
 */
public final class ReplicaSets {
    static final String NEEDS = "needs a real MongoDB replica set: a Docker daemon (for Testcontainers) "
            + "or mongod binaries (set MONGOD_BIN or put mongod on the PATH)";
    static final String NEEDS_BINARIES = "needs mongod binaries for a Primary + Secondary + Arbiter set (set MONGOD_BIN "
            + "or put mongod on the PATH); Testcontainers gives only single-node sets";

    /** A started replica set: its connection string and how to stop it. */
    public interface Running extends AutoCloseable {
        String uri();

        String description();

        @Override
        void close() throws Exception;
    }

    private ReplicaSets() {
    }

    /** Any replica set: Testcontainers first, else binaries, else empty (see {@link #NEEDS}). */
    public static Optional<Running> start() throws Exception {
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7.0").withReplicaSet();
            container.start();
            return Optional.of(new Running() {
                public String uri() {
                    return container.getReplicaSetUrl();
                }

                public String description() {
                    return "Testcontainers single-node replica set (mongo:7.0)";
                }

                public void close() {
                    container.stop();
                }
            });
        }
        return startPsa();
    }

    /** A Primary + Secondary + Arbiter set from binaries, else empty (see {@link #NEEDS_BINARIES}). */
    public static Optional<Running> startPsa() throws Exception {
        Optional<Path> mongod = MongodBinaries.find();
        if (mongod.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("psa");
        PsaReplicaSet set = PsaReplicaSet.start(mongod.get(), dir);
        return Optional.of(new Running() {
            public String uri() {
                return set.uri();
            }

            public String description() {
                return "local PSA set " + set.setName() + " from " + mongod.get();
            }

            public void close() throws Exception {
                set.close();
            }
        });
    }

    /** Skips the calling test, naming what it needs, when {@code running} is empty. */
    public static void assumeRunning(Optional<Running> running, String needs) {
        Assumptions.assumeTrue(running.isPresent(), needs);
    }

    static boolean dockerAvailable() {
        if (!DockerSocket.mayExist()) {
            return false; // no daemon to find: spare the Testcontainers probe and its ERROR line
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
