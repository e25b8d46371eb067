package dev.reservation.harness.report;

import dev.reservation.harness.checker.TrialResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client operations and findings summed over all trials, in the order reports show them; the same
 * names as the trials table and the checks. Pure; thread-safe.
 */
public final class Totals {
    private Totals() {
    }

    public static Map<String, Object> of(List<TrialResult> trials) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("faults", trials.stream().mapToLong(TrialResult::faults).sum());
        t.put("reserveOk", trials.stream().mapToLong(r -> r.ops().reserveOk()).sum());
        t.put("reserveConflict409", trials.stream().mapToLong(r -> r.ops().reserveConflict()).sum());
        t.put("reserveFailed", trials.stream().mapToLong(r -> r.ops().reserveFail()).sum());
        t.put("reserveUnknown", trials.stream().mapToLong(r -> r.ops().reserveUnknown()).sum());
        t.put("cancelOk", trials.stream().mapToLong(r -> r.ops().cancelOk()).sum());
        t.put("cancelFailed", trials.stream().mapToLong(r -> r.ops().cancelFail()).sum());
        t.put("cancelUnknown", trials.stream().mapToLong(r -> r.ops().cancelUnknown()).sum());
        t.put("readOk", trials.stream().mapToLong(r -> r.ops().readOk()).sum());
        t.put("readFailed", trials.stream().mapToLong(r -> r.ops().readFail()).sum());
        long attempts = trials.stream().mapToLong(r -> r.contention().attempts()).sum();
        long overlapped = trials.stream().mapToLong(r -> r.contention().overlapped()).sum();
        t.put("bookingAttempts", attempts);
        t.put("attemptsOverlappingAnotherInFlight", overlapped);
        t.put("overlapFraction", attempts == 0 ? 0.0 : Math.round(overlapped * 10_000.0 / attempts) / 10_000.0);
        t.put("leftoverClaims", trials.stream().mapToLong(r -> r.leftovers().count()).sum());
        t.put("violations", trials.stream().flatMap(r -> r.checks().stream()).mapToLong(c -> c.violations().size()).sum());
        t.put("trialsNotQuiesced", trials.stream().filter(r -> r.stuckClients() > 0).count());
        t.put("trialsNotChecked", trials.stream().filter(r -> r.incomplete() != null).count());
        return t;
    }

    /** "61.3%" */
    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
