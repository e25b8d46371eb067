package dev.reservation.core.ops;

import java.time.Instant;
import java.util.List;

/**
 * Port: per-user, per-period counters of quota use, changed only by conditional, idempotent updates
 * so that a limit holds across any number of app instances. A counter holds a {@link Hold} per
 * reservation id; {@link #take} adds one only while {@code used + amount <= limit} (one atomic
 * conditional increment), {@link #giveBack} removes it. Both are idempotent by reservation id, so a
 * retry after an unknown outcome neither counts twice nor gives back twice. Thread-safe.
 *
 * <p>Failures as for every port: {@code StoreUnavailableException} (certainly not applied),
 * {@code WriteOutcomeUnknownException} (may have been applied: the hold may exist).
 */
public interface QuotaCounters {
    /** One reservation's share of a counter: {@code amount} (minutes, or 1 for "open"), until {@code end}. */
    record Hold(String rid, long amount, Instant end, Instant at, String roomId) {
        /** A hold whose reservation's room is not known (tests of the counters alone). */
        public Hold(String rid, long amount, Instant end, Instant at) {
            this(rid, amount, end, at, null);
        }
    }

    /** What a take found: {@code taken}, or the counter's use and holds when it refused. */
    record Take(boolean taken, long used, List<Hold> holds) {
        public static Take ok() {
            return new Take(true, 0, List.of());
        }
    }

    /**
     * Adds {@code hold} to counter {@code counterId} if the counter stays within {@code limit};
     * a counter that already holds {@code hold.rid()} counts as taken (a retry).
     */
    Take take(String counterId, Hold hold, long limit, Instant periodEnd);

    /** Removes reservation {@code rid}'s hold from the counter, giving its amount back; no-op when absent. */
    void giveBack(String counterId, String rid);

    /** The counter's holds (committed state). */
    List<Hold> holds(String counterId);

    /** Counters (ids) of periods not over by {@code now} holding a hold taken before {@code takenBefore}; at most {@code limit}. */
    List<String> withHoldsBefore(Instant takenBefore, Instant now, int limit);
}
