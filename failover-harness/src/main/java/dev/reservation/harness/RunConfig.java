package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.nemesis.Fault;
import dev.reservation.harness.nemesis.RigNemesis;
import dev.reservation.harness.workload.WorkloadSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one run needs: the cluster, the fault, how many trials of what length, the workload's
 * shape, the store instances' settings, the rig nemesis's settings and the time limits. Validated on
 * construction (messages name the flag). Immutable.
 *
 * @param downTime     how long a killed, shut-down or frozen member stays so before the nemesis heals it
 * @param faultTimeout the limit of every wait of a trial (election, writes again, catch-up, final read)
 * @param warmup       workload time before the fault, inside {@code duration}
 */
public record RunConfig(ClusterOptions cluster, Fault fault, int trials, int threads, double rate,
                        Duration duration, Duration warmup, Duration downTime, Duration faultTimeout,
                        WorkloadSettings workload, StoreSettings store, RigNemesis.Settings rigFaults, long seed,
                        Path out) {

    public static final int MAX_TRIALS = 500;

    public RunConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(rigFaults, "rigFaults");
        require(trials >= 1 && trials <= MAX_TRIALS, "--trials must be between 1 and " + MAX_TRIALS);
        require(threads >= 1 && threads <= 256, "--threads must be between 1 and 256");
        require(rate > 0 && rate <= 10_000, "--rate must be above 0 and at most 10000 operations per second");
        require(positive(duration), "--duration must be positive");
        require(!warmup.isNegative() && warmup.compareTo(duration) < 0, "--warmup must be shorter than --duration");
        require(!downTime.isNegative(), "--down-time must not be negative");
        require(positive(faultTimeout), "--fault-timeout must be positive");
        ClusterKind kind = cluster.kind();
        require(kind.replicaSet() || (fault != Fault.STEPDOWN && fault != Fault.KILL_SECONDARY),
                "--fault " + fault.label() + " needs a replica set; " + kind.label() + " is a single node");
        require(kind != ClusterKind.RIG_PSA || fault.rig(), "--cluster rig-psa injects the rig's faults: "
                + "stall-commit, failover-rollback, errors, lag or mixed (not " + fault.label() + ")");
        require(kind == ClusterKind.RIG_PSA || !fault.rig(), "--fault " + fault.label()
                + " is a fault of the replication rig; use it with --cluster rig-psa");
    }

    /** The workload time before the fault when none was asked for: a quarter of the trial, at least 1 s. */
    public static Duration defaultWarmup(Duration duration) {
        Duration quarter = duration.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofMillis(Math.min(1000, duration.toMillis() / 2))
                : quarter;
    }

    /** How long the rig nemesis keeps injecting after the warm-up: 80% of the rest, so the trial ends quiet. */
    public Duration faultBudget() {
        return duration.minus(warmup).multipliedBy(4).dividedBy(5);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
