package dev.reservation.harness;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.DoubleBookingChecker;
import dev.reservation.harness.checker.LostWriteChecker;
import dev.reservation.harness.checker.StoredReservation;
import dev.reservation.harness.checker.TimingChecker;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.nemesis.Nemesis;
import dev.reservation.harness.workload.Workload;
import dev.reservation.harness.workload.WorkloadClient;
import dev.reservation.harness.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trial: wait for a settled cluster, run the workload, inject the fault after the warm-up, let the
 * nemesis heal it, keep the workload going to the end of the trial, stop it, read the final state once
 * the cluster has settled again, and run the checkers over the trial's part of the history. Not
 * thread-safe: trials run one after another.
 */
public final class TrialRunner {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private final RunConfig config;
    private final History history;
    private final Nemesis nemesis;
    private final WorkloadClient client;
    private final FinalStateReader reader;
    private final MonotonicClock clock;

    public TrialRunner(RunConfig config, History history, Nemesis nemesis, WorkloadClient client,
                       FinalStateReader reader, MonotonicClock clock) {
        this.config = config;
        this.history = history;
        this.nemesis = nemesis;
        this.client = client;
        this.reader = reader;
        this.clock = clock;
    }

    public TrialResult run(WorkloadSpec spec) throws InterruptedException {
        int trial = spec.trial();
        history.startTrial(trial);
        history.event("harness", Fn.TRIAL_START, Map.of("fault", config.fault().label(),
                "window", spec.window().toString()));
        nemesis.awaitSettled(config.faultTimeout());
        Workload workload = new Workload(client, spec, config.threads(), config.rate(), config.seed(), clock);
        long started = clock.nanoTime();
        workload.start();
        Waits.pause(config.warmup());
        nemesis.run(config.fault(), config.downTime(), config.faultTimeout());
        Duration left = config.duration().minusNanos(clock.nanoTime() - started);
        Waits.pause(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        int stuck = workload.stop(STOP_GRACE);
        nemesis.awaitSettled(config.faultTimeout());
        String incomplete = null;
        List<StoredReservation> finalState = List.of();
        try {
            finalState = reader.read(spec.rooms(), spec.window(), config.faultTimeout());
        } catch (IllegalStateException e) {
            incomplete = e.getMessage();
        }
        history.event("harness", Fn.TRIAL_END, Map.of("stored", Integer.toString(finalState.size())));
        List<Op> ops = history.trialOps(trial);
        List<CheckResult> checks = new ArrayList<>();
        if (incomplete == null) {
            checks.add(new LostWriteChecker().check(ops, finalState, spec.keyPrefix() + "t" + trial + "-"));
            checks.add(new DoubleBookingChecker().check(finalState));
        }
        return new TrialResult(trial, new TimingChecker().measure(trial, ops), checks, OpStats.counts(ops),
                OpStats.reserveLatency(ops), stuck, incomplete);
    }

    /** The trial's window: trials take consecutive windows of future time, so they never contend. */
    public static TimeSlot window(java.time.Instant base, Duration span, int trial) {
        return TimeSlot.of(base.plus(span.multipliedBy(trial - 1L)), span);
    }
}
