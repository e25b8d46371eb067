package dev.reservation.harness;

import dev.reservation.harness.checker.TrialResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a run and its exit code: 0 when every trial was checked and passed, 1 when a checker
 * found a violation, 3 when some trial could not be checked (e.g. its final state could not be read).
 * Immutable.
 */
public record RunResult(List<TrialResult> trials, Path out) {
    public static final int PASSED = 0;
    public static final int VIOLATION = 1;
    public static final int USAGE = 2;
    public static final int NOT_CHECKED = 3;

    public RunResult {
        trials = List.copyOf(trials);
    }

    public boolean valid() {
        return trials.stream().allMatch(TrialResult::valid);
    }

    public boolean complete() {
        return trials.stream().allMatch(t -> t.incomplete() == null);
    }

    public int exitCode() {
        return !valid() ? VIOLATION : !complete() ? NOT_CHECKED : PASSED;
    }
}
