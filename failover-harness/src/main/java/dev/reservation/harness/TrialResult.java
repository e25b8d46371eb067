package dev.reservation.harness;

import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.TrialTiming;
import java.util.List;

/**
 * What one trial measured and concluded. {@code incomplete} says why a trial could not be checked
 * (e.g. the final state could not be read); {@code null} when it was. Immutable.
 */
public record TrialResult(int trial, TrialTiming timing, List<CheckResult> checks, OpCounts ops,
                          Latency reserveLatency, int stuckClients, String incomplete) {
    public TrialResult {
        checks = List.copyOf(checks);
    }

    public boolean valid() {
        return checks.stream().allMatch(CheckResult::valid);
    }

    /** Client operations of the trial by outcome. */
    public record OpCounts(long reserveOk, long reserveConflict, long reserveFail, long reserveUnknown,
                           long readOk, long readFail) {
    }

    /** Latency of completed reservations (any outcome), milliseconds. */
    public record Latency(long count, double p50, double p95, double p99, double max) {
    }
}
