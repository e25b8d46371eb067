package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.nemesis.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one run needs: the cluster, the fault, how many trials of what length, the workload's
 * shape and the time limits. Validated on construction (messages name the flag). Immutable.
 *
 * @param downTime     how long a killed, shut-down or frozen member stays so before the nemesis heals it
 * @param faultTimeout the limit of every wait of a trial (election, writes again, catch-up, final read)
 * @param warmup       workload time before the fault, inside {@code duration}
 */
public record RunConfig(ClusterOptions cluster, Fault fault, int trials, int threads, double rate,
                        Duration duration, Duration warmup, Duration downTime, Duration faultTimeout,
                        int rooms, double readFraction, long seed, Path out) {

    public static final int MAX_TRIALS = 500;

    public RunConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(out, "out");
        require(trials >= 1 && trials <= MAX_TRIALS, "--trials must be between 1 and " + MAX_TRIALS);
        require(threads >= 1 && threads <= 256, "--threads must be between 1 and 256");
        require(rate > 0 && rate <= 10_000, "--rate must be above 0 and at most 10000 operations per second");
        require(positive(duration), "--duration must be positive");
        require(!warmup.isNegative() && warmup.compareTo(duration) < 0, "--warmup must be shorter than --duration");
        require(!downTime.isNegative(), "--down-time must not be negative");
        require(positive(faultTimeout), "--fault-timeout must be positive");
        require(rooms >= 1 && rooms <= 10, "--rooms must be between 1 and 10 (the demo rooms)");
        require(readFraction >= 0 && readFraction <= 1, "--read-fraction must be within 0..1");
        require(cluster.kind().replicaSet() || (fault != Fault.STEPDOWN && fault != Fault.KILL_SECONDARY),
                "--fault " + fault.label() + " needs a replica set; " + cluster.kind().label() + " is a single node");
    }

    /** The workload time before the fault when none was asked for: a quarter of the trial, at least 1 s. */
    public static Duration defaultWarmup(Duration duration) {
        Duration quarter = duration.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofMillis(Math.min(1000, duration.toMillis() / 2))
                : quarter;
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
