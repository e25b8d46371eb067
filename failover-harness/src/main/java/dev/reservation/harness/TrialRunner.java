package dev.reservation.harness;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.DoubleBookingChecker;
import dev.reservation.harness.checker.LostWriteChecker;
import dev.reservation.harness.checker.OverTimeDoubleBookingChecker;
import dev.reservation.harness.checker.ReadChecker;
import dev.reservation.harness.checker.StoreInvariantChecker;
import dev.reservation.harness.checker.TimingChecker;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.nemesis.FaultInjector;
import dev.reservation.harness.workload.Workload;
import dev.reservation.harness.workload.WorkloadClient;
import dev.reservation.harness.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trial: wait for a settled cluster, run the workload, inject the fault(s) after the warm-up, let
 * the nemesis heal, keep the workload going to the end of the trial, stop every client thread
 * (quiesce), wait until the cluster has settled and every write is majority-committed, read the final
 * state (raw collections, majority, primary), and run the checkers over the trial's part of the
 * history. A trial whose client threads do not stop is reported as not quiesced and its final state is
 * not read (the checkers of the history alone still run). Not thread-safe: trials run one after another.
 */
public final class TrialRunner {
    private final RunConfig config;
    private final History history;
    private final FaultInjector nemesis;
    private final List<WorkloadClient> clients;
    private final FinalStateReader reader;
    private final ClusterControl cluster;
    private final MonotonicClock clock;

    public TrialRunner(RunConfig config, History history, FaultInjector nemesis, List<WorkloadClient> clients,
                       FinalStateReader reader, ClusterControl cluster, MonotonicClock clock) {
        this.config = config;
        this.history = history;
        this.nemesis = nemesis;
        this.clients = List.copyOf(clients);
        this.reader = reader;
        this.cluster = cluster;
        this.clock = clock;
    }

    public TrialResult run(WorkloadSpec spec) throws InterruptedException {
        int trial = spec.trial();
        Duration limit = config.faultTimeout();
        history.startTrial(trial);
        history.event("harness", HistoryTerms.TRIAL_START, Map.of("fault", config.fault().label(),
                "window", spec.window().toString()));
        nemesis.awaitSettled(limit);
        Workload workload = new Workload(clients, spec, config.threads(), config.rate(), config.seed(), clock,
                config.duration());
        long started = clock.nanoTime();
        workload.start();
        Waits.pause(config.warmup());
        nemesis.run(config.fault(), config.downTime(), config.faultBudget(), limit);
        Duration left = config.duration().minusNanos(clock.nanoTime() - started);
        Waits.pause(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        int stuck = workload.stop(limit);
        nemesis.awaitSettled(limit);
        String incomplete = null;
        FinalState state = null;
        if (stuck > 0) {
            incomplete = stuck + " of " + config.threads() + " client threads were still inside an operation "
                    + Durations.human(limit) + " after the trial ended: the trial did not quiesce, so its final state "
                    + "was not read";
        } else if (!cluster.awaitReplicated(limit)) {
            incomplete = "the cluster did not replicate every write to a majority within " + Durations.human(limit)
                    + ": the final state was not read";
        } else {
            try {
                state = reader.read(spec.rooms(), spec.window(), limit);
            } catch (IllegalStateException e) {
                incomplete = e.getMessage();
            }
        }
        history.event("harness", HistoryTerms.TRIAL_END, Map.of("stored", state == null ? "not read"
                : Integer.toString(state.reservations().size()), "quiesced", Boolean.toString(stuck == 0)));
        List<Op> ops = history.trialOps(trial);
        List<CheckResult> checks = new ArrayList<>();
        TrialResult.Leftovers leftovers = TrialResult.Leftovers.NOT_READ;
        if (state != null) {
            checks.add(new LostWriteChecker().check(ops, state.reservations(), spec.keyPrefix() + "t" + trial + "-"));
            if (state.raw().isPresent()) {
                StoreInvariantChecker.Result invariants = new StoreInvariantChecker().check(state.raw().get());
                checks.add(invariants.check());
                leftovers = new TrialResult.Leftovers(true, invariants.leftovers(), invariants.leftoverExamples());
            } else {
                checks.add(new DoubleBookingChecker().check(state.reservations()));
            }
        }
        checks.add(new OverTimeDoubleBookingChecker().check(ops));
        checks.add(new ReadChecker().check(ops));
        return new TrialResult(trial, new TimingChecker().measure(trial, ops), checks, OpStats.counts(ops),
                OpStats.reserveLatency(ops), OpStats.contention(ops), leftovers, OpStats.faults(ops), stuck, incomplete);
    }

    /** The trial's window: trials take consecutive windows of future time, so they never contend. */
    public static TimeSlot window(java.time.Instant base, Duration span, int trial) {
        return TimeSlot.of(base.plus(span.multipliedBy(trial - 1L)), span);
    }
}
