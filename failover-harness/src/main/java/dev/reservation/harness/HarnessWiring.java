package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterLauncher;
import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.workload.StoreBackend;
import java.time.Clock;
import java.util.Map;

/**
 * What the command line needs from the outside world, so tests can swap the cluster and the stores:
 * how to start a cluster, how to open stores on it, the clocks and the environment. Immutable.
 */
public record HarnessWiring(ClusterStarter clusters, StoreFactories stores, MonotonicClock clock, Clock wall,
                            Map<String, String> env) {

    /** The real thing: clusters from {@link ClusterLauncher}, stores from reservation-mongo, system clocks. */
    public static HarnessWiring real(Map<String, String> env) {
        MonotonicClock clock = MonotonicClock.system();
        return new HarnessWiring(new ClusterLauncher(clock, env)::launch, MongoStoreBackend::factory, clock,
                Clock.systemUTC(), env);
    }

    /** Starts or attaches to the cluster the options name. */
    @FunctionalInterface
    public interface ClusterStarter {
        ClusterControl start(ClusterOptions options);
    }

    /**
     * Store factories for the store client's settings ({@code --primary-wait}, {@code --write-timeout},
     * {@code --driver-heartbeat}, {@code --orphan-age}, {@code --instances}, {@code --clock-skew}).
     */
    @FunctionalInterface
    public interface StoreFactories {
        StoreBackend.Factory create(StoreSettings settings);
    }
}
