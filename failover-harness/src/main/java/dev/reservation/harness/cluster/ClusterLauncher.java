package dev.reservation.harness.cluster;

import dev.reservation.harness.history.MonotonicClock;
import java.util.Map;

/** Starts or attaches to the cluster the options name. Stateless and thread-safe. */
public final class ClusterLauncher {
    private final MonotonicClock clock;
    private final Map<String, String> env;

    public ClusterLauncher(MonotonicClock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
    }

    /** @throws ClusterStartException with a message naming what is missing */
    public ClusterControl launch(ClusterOptions options) {
        return switch (options.kind()) {
            case LOCAL_PSA, LOCAL_PSS -> new LocalReplicaSetLauncher(clock, env).start(options);
            case CONTAINERS -> new ContainerReplicaSetLauncher(clock).start(options);
            case EXTERNAL -> new ExternalClusterAttacher().attach(options);
            case EMBEDDED_PROCESS -> new EmbeddedProcessLauncher(clock).start(options);
            case RIG_PSA -> RigCluster.start();
            case TEST_DOUBLE_SET, TEST_DOUBLE_NODE -> throw new IllegalArgumentException("test doubles are not launched: " + options.kind());
        };
    }
}
