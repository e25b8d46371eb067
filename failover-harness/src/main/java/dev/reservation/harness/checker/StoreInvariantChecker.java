package dev.reservation.harness.checker;

import dev.reservation.mongo.audit.Invariants;
import dev.reservation.mongo.audit.StoredState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The booking protocol's invariants on the final state as the raw collections hold it (read with a
 * client of its own, not through the store under test): reservation-mongo's
 * {@link Invariants#check}, wired into the harness's results. Violations: a CONFIRMED reservation
 * without a claim in a bucket its slot touches, two overlapping claims in a bucket, two overlapping
 * CONFIRMED reservations of a room. Claims whose owner is CANCELLED, ABANDONED or absent are
 * leftovers: the store releases a cancelled reservation's claims best-effort and the next booking that
 * meets a leftover removes it, so they are reported apart (count and examples), never as violations.
 * A pure function; stateless and thread-safe.
 */
public final class StoreInvariantChecker {
    public static final String NAME = "store-invariants";
    /** How many leftover claims a report names. */
    public static final int EXAMPLES = 5;

    /** The check, and the leftover claims it found. */
    public record Result(CheckResult check, long leftovers, List<String> leftoverExamples) {
    }

    public Result check(StoredState state) {
        Invariants.Report report = Invariants.check(state);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("reservations", state.reservations().stream().filter(r -> r.slot() != null).count());
        counts.put("confirmed", state.reservations().stream().filter(StoredState.StoredReservation::confirmed).count());
        counts.put("tombstones", state.reservations().stream().filter(r -> r.slot() == null).count());
        counts.put("claims", (long) state.claims().size());
        counts.put("leftoverClaims", (long) report.leftovers().size());
        return new Result(CheckResult.of(NAME, report.violations(), counts), report.leftovers().size(),
                report.leftovers().stream().limit(EXAMPLES).toList());
    }
}
