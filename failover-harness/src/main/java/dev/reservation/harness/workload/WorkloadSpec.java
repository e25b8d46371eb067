package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the clients of one trial ask for: which rooms and users, inside which window of future time,
 * how long each slot is and on what grid its start lies, and what share of operations are reads.
 * Keys are {@code keyPrefix + "t<trial>-<process>-<n>"}, unique per run. Immutable; validated here.
 */
public record WorkloadSpec(List<String> rooms, List<String> users, TimeSlot window, Duration slotLength,
                           Duration grid, double readFraction, String keyPrefix, int trial) {
    public WorkloadSpec {
        rooms = List.copyOf(rooms);
        users = List.copyOf(users);
        if (rooms.isEmpty() || users.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one room and one user");
        }
        Objects.requireNonNull(window, "window");
        if (slotLength.isNegative() || slotLength.isZero() || grid.isNegative() || grid.isZero()) {
            throw new IllegalArgumentException("slot length and grid must be positive");
        }
        if (window.duration().compareTo(slotLength) < 0) {
            throw new IllegalArgumentException("the window (" + window.duration() + ") is shorter than one slot");
        }
        if (readFraction < 0 || readFraction > 1) {
            throw new IllegalArgumentException("the read fraction must be within 0..1, was " + readFraction);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** How many distinct slot starts the window holds for one room. */
    public long startPositions() {
        return 1 + (window.duration().minus(slotLength).toNanos() / grid.toNanos());
    }
}
