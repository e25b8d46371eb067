package dev.reservation.harness.replset;

import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.ClusterLauncher;
import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.cluster.ContainerReplicaSetLauncher;
import dev.reservation.harness.cluster.MongodBinary;
import dev.reservation.harness.history.MonotonicClock;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Primary + Secondary + Arbiter set for integration tests, started by the harness's own
 * launchers (the one PSA set-up of the project: initiate the data members, set the default write
 * concern, then add the arbiter): from {@code mongod} binaries if this machine has them, else as
 * containers through Testcontainers if Docker answers. With neither, the calling test is skipped
 * with {@link #NEEDS}; it never passes without running.
 */
final class RealReplicaSets {
    static final String NEEDS = "needs a real MongoDB PSA replica set: mongod binaries (set MONGOD_BIN or put "
            + "mongod on the PATH) or a Docker daemon that Testcontainers can reach";

    private RealReplicaSets() {
    }

    /** A started PSA set, or empty when this machine can start none. */
    static Optional<ClusterControl> startPsa() throws IOException {
        ClusterKind kind;
        if (MongodBinary.find(Optional.empty(), System.getenv()).isPresent()) {
            kind = ClusterKind.LOCAL_PSA;
        } else if (ContainerReplicaSetLauncher.dockerAvailable()) {
            kind = ClusterKind.CONTAINERS;
        } else {
            return Optional.empty();
        }
        ClusterOptions options = new ClusterOptions(kind, Files.createTempDirectory("psa"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), null, null, null, null);
        return Optional.of(new ClusterLauncher(MonotonicClock.system(), System.getenv()).launch(options));
    }

    /** Skips the calling test, naming what it needs, when {@code set} is empty. */
    static ClusterControl require(Optional<ClusterControl> set) {
        Assumptions.assumeTrue(set.isPresent(), NEEDS);
        return set.get();
    }
}
