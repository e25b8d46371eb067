package dev.reservation.harness.checker;

import java.util.List;

/**
 * What one trial measured and concluded. {@code incomplete} says why a trial could not be checked
 * (its client threads did not stop, the final state could not be read); {@code null} when it was.
 * Immutable.
 *
 * @param faults nemesis faults injected in the trial (the rig injects several per trial)
 */
public record TrialResult(int trial, TrialTiming timing, List<CheckResult> checks, OpCounts ops,
                          Latency reserveLatency, Contention contention, Leftovers leftovers, long faults,
                          int stuckClients, String incomplete) {
    public TrialResult {
        checks = List.copyOf(checks);
        leftovers = leftovers == null ? Leftovers.NOT_READ : leftovers;
        contention = contention == null ? new Contention(0, 0) : contention;
    }

    public boolean valid() {
        return checks.stream().allMatch(CheckResult::valid);
    }

    /**
     * Client operations of the trial by outcome. A booking is exactly one of: ok; conflict (HTTP 409
     * in the web app: an overlapping slot is held by someone else, nothing was booked: a definite
     * answer, not a failure of the store); failed (certainly not booked for another reason: the store
     * unavailable, a rule); unknown (the outcome could not be told). The same for cancellations
     * (their failures: not found, unavailable, changed by someone else) and reads.
     */
    public record OpCounts(long reserveOk, long reserveConflict, long reserveFail, long reserveUnknown,
                           long cancelOk, long cancelFail, long cancelUnknown, long readOk, long readFail) {
    }

    /** Latency of completed reservations (any outcome), milliseconds. */
    public record Latency(long count, double p50, double p95, double p99, double max) {
    }

    /**
     * How much the bookings contended: {@code overlapped} of {@code attempts} booking attempts were in
     * flight at the same time as another attempt on the same room with an overlapping slot.
     */
    public record Contention(long attempts, long overlapped) {
        public double fraction() {
            return attempts == 0 ? 0 : overlapped / (double) attempts;
        }
    }

    /**
     * Claims in the final state whose owner is CANCELLED, ABANDONED or absent: allowed (the store
     * releases claims best-effort; the next booking that meets one removes it), reported apart.
     * {@code read} is false where the final state has no raw claims to look at.
     */
    public record Leftovers(boolean read, long count, List<String> examples) {
        public static final Leftovers NOT_READ = new Leftovers(false, 0, List.of());

        public Leftovers {
            examples = List.copyOf(examples);
        }
    }
}
